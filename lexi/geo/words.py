"""Place names that are also ordinary English words or given names.

They match only when the phrase is not written all in lower case ("Reading" is the town,
"reading" is not), so text scanning does not turn "nice", "sale" or "mobile" into places.
Listed from the geonames names that are frequent English words (wordfreq zipf >= 3.3).
"""

COMMON_WORD_NAMES = frozenset(
    """
    time much best university along nice police deal march goes date reading green central
    union mine officer normal sale opportunity spring mission obama mobile airport wedding
    surprise mid city bear forest golden liberal holiday taylor un orange salt republic kim
    bell jackson independence clinton manage wilson davis howard gap elizabeth superior temple
    bath walker rugby crystal alliance gary pen pace enterprise allen wayne hook anderson
    liberty fleet boom lincoln lawrence ali summit graham bow se clay moore murray warren barry
    alice roy brick nelson mitchell marshall parker campbell sue ron perry evans imperial
    franklin douglas wright stanley sandy harvey lens kent paradise vincent tours peer pearl
    norman nancy mason kyle horn stuart sterling murphy eagle bend delta humble hurricane derby
    rogers lucas shaw harrison linda hull savage sunset logan hudson palmer duncan roses
    brandon bradley arnold mercedes bryan manga florence troy toyota frederick adrian newton
    barnes mentor alot acre lend marco boo griffin gilbert moss monroe hopkins bury terrace
    ferguson saga hayes burke beverly mon lynn sherman bra vic miranda milton marina donna
    bryant tracy sunrise eden lindsay marion eugene burton banning tucker johnston baldwin
    vernon thomson soo parole matthews kai hammond flint swords sparks gardner darwin norton
    leigh chandler shirley paramount dixon clayton castro carey aurora whitney plantation vista
    irving cork boulder apex ada stella sidney salem hyde highland ramsey patterson midway
    martinez brent jupiter torres riverside holt hassan carlton borne rouge manly aston
    woodland katy morton laurel holden helena mascot clive conway carnegie seymour lawson
    kendall hercules hale roth jasper isa bentley seaside mustang keller alma walnut shelby
    mango hoover ware sedan plum gil garner canton vineyard lara bowie ariel stanton randolph
    griffith dalton weir rye thornton barking foley annex homestead durant dudley tequila
    defiance converse badger amos ama ajax concord prosper keystone evergreen groves greenwood
    alvin whitman od hillside cutler dyer centennial moreno benton ventura dole clifton belmont
    alba eureka uptown shoreline sakura canning bray thorne flores ami worms corona chinatown
    mass jersey triangle cali commerce industry hope deer park stone chester wells march
    chad jordan reunion yoga
    """.split()
) | frozenset({"mid-city", "the bay", "new city", "east end", "west end"})
