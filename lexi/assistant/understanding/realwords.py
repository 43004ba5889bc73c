"""Ordinary English words that are one or two letters away from a lexicon word.

Typo correction ("laywers" -> "lawyer") must leave real words alone ("waiting" is not a typo
of "writing"). This list is derived, not hand-written: the 60,000 most frequent English words
(``wordfreq``, a dev-time tool) that ``slots.correct`` would otherwise rewrite. Regenerate it
after changing the lexicon with ``python -m lexi.assistant.understanding.realwords``.
"""

from __future__ import annotations

from .text import word_set

REAL_WORDS: frozenset[str] = word_set("""
abetting ablation abode aborting abounding absolution abutting academia academic accompany
accounted actual addicting adjust adjusted adkin administrative admire admit adulation adventist
adventure advocacy advocate aeration affaire agence agenda agitation airlift airliner airplane
airspace alarming alchemical alternate alternating alternation alternatively amazement amending
amounting analyse analysed analysis analyte analyz analyze anima animate animating animator
animus antibody apartment apolitical apparent appeared appraisal appraise appraised apprised
arbitrator architecturally arent argent armin arterial assed assent assert assess assistance
assisting associated associative assurance assure assured attaining audio audited audition
auditory automate automated automatic automating automaton aviator awaiting babbling backed
backhand backing bacterial bagger baked baking bancorp bandaged banding banging banister banjo
banked banker banksy banning bannister banquet bared barking basel bashed basking basque batting
battling bayer beard beating beatty beaut beautify befitting behavior behavioural belting
benedict benefited berating bettering bettie bettina beveridge beyer bianco biased bicycling
biggar biggest biggie biotic blackened blacking blanco bland blank blanking bleacher bleating
bleeding blending blinding blinking bloat blotting boarded boarder boast boater bodybuilder
booker borat bossa bossy bottling bouncing bounding boyer braid braiding branching branded
brandi branding brandis brando brandon brandt brandy brant brewed brewer bringing broadcasted
broadest brokaw broke broken brokered brooker brower bruising bugger buildup buisness bullying
bumbling bundling busiest butting byproduct cabernet caching cackling cadre calender caliente
camino canter capita capitan capitol cardiologist cared career careless carell carer caress
carew carey carle carne carpe carpeting carrera carrick carrie carried carrion carte cartier
carve casement casing casio casual casually catalyst catching causality causally celibate
cemented centaur centered central centred centric centrist centro century cervical chafe chaim
chained chaining chainz chaired chairing chairmen chairwoman chaise channing chapin chariot
charley charly charming chastity cheating chemically chiefly chien chimp chipping chippy
chiropractic chirp chirping choir chopping chroma chrome chrono chucking cisco citation civilly
claimed clair clare clarinet clarity clark clashing cleaned cleaner cleanly cleanse cleansing
cleanup clear clearing cleary cleat cleave clement clemente clergy cleric clerical climatic
climax clinch clingy clinically clinician clint clipping cloaking clocking clogging clotting
clouding clowning clutching coasting colder coldly collage collagen collate colleague collect
colleen collett collette colley collide collie collude coloration commence commenced
commercialize commercially communicating communicative communicator commuted commuter compact
compagnie companion compaq compare compass compel compete competed compiler compliant comply
composer compute computed concede concert concerted concerto concretely conducting conformation
confounded congregational connacht consent consenting consider consisting consoling constancy
constant constitution constriction constrictor constructing constructive constructor consular
consume consumed consuming contacted contain contained contempt contend contented contest
context continent contract contracted contraction contrast contrite controlled convent
cooperating cooperation coronation corpse corpus cortical cosmic coughing councilor counseled
counsellor count counted counting courant courted courtier coutt coventry coverage coworker
cracking cradling crafted crafty crain cranking crashing creaking creasing create creatine
creating creation creatively creature credited crediting creditor cremation cringing critical
crockery croft crouching cruising crunching curate curated curation curative custody customary
dabbling daily daisy damaging darkening datta deane deanna decisive deconstruction dedication
deduction defect defector defend defended defender defensive deference defiance deflation
deformation degeneration dejan delegate deletion delgado delicious delirious deliver delivered
delusion demanded demotion deniability denial dentistry denton departmental deporting derision
designed desire desolation despatch despatched destitution destruct detailed detector devel
develop developed developmental deviance deviate deviation deville devine devise devised devito
devoid devolution devon devour devout dewan diary dielectric dietrich digitally dilation
dilution diocesan directed direction directive directly directorate directorial directory
directv directx dispatched dispose disputed disrepute dissociate distilled distiller distinct
distract distribute distributed distributing distributive distrust diver diversity divestment
division doctoral doctored draining drank dreading drier drifting drinker drinkin drinking
dripping drive drivel driven drivin drunk duration earle eastender eclectic edifying edited
edition educating educational educator elective electra electrically electricity electro
electron electronica elemental emanated emanating emission emitting emoticon employ employed
employer empress emulation endorsement endurance engender engine engined engineered enjoyment
enrolment entropy environmentally equality equation equine escorting especially esport estado
estimate estimated estimation ethnology evenly evermore evernote evert everton evicting eviction
evocation evolution excision exciting excommunication execute executing execution exhibiting
exhibitor existing exiting expediency experienced expert exported exporter exporting expose
exposé extort fainting fairness familia famine fandom faring farmed farmer farmhouse farthing
farting fashioned fatality federation fiance fighting filmed finale financed financially
financing fined finely finer finest finishing firefight firehouse fireman firma firmer firming
firmly firmness fished fisher fishin fisting flanking flashing flatness flipping flood flounder
flushing folksy fondling fontaine foodie foody forecast forego forehand foreign foremost foresaw
foresee foresight forested forester forman formation forming forrest forward forwarded founded
foundered foundling fournier fracking fragility framing freighter fretting fricking fright frith
frond frontal fronted fronting frost frothing fruiting fullback fuller fullness fully fumbling
funder funding funimation futility gambino gamer gaping gatehouse gating gazing genera generale
generally generate generating generational generative generator generic geneva gesellschaft
gestation glancing glaser glassy gleaming globalization gloss gobbling goode goodie goodly goody
goulding goverment governmental grander grandeur granting graphical graphing graphite grass
greece greed greedy greek greene greener greer greet grinder grinding grinning gripping ground
grounded grounder grounding groupe grouped groupie groupon groupy grouse grout grover grower
grumbling grundy grunge grunting haigh hairline hardcore hardwired hatching hauled hauler
hauling headed heady healer healey healthy heard hearth heath hedged heretical hesitate hiding
highest highly hight hiking hither hobbyist hodge holistic holme homely homer homey homie homme
horse horseman hospitable hostel hounding housed hugely hughe humana humane humanize humanly
humanoid humbling humility hunan hygienic hyman hôtel immaterial impart impersonal imported
importer importing impose imprinting incision incorporation indecision indirect individually
industrially industrie inequity inexperience informatic informational informative infosy inhabit
inhale inhaled inhaler inherent inhibition inquirer inquisition insecurity install installed
instance instigation instigator instilled instituting institutional instituto instruction
insular insulting insure insured integrate integrator intend intentional inter interact
interacted intercept interest interim interment internal internationale internationally interned
internment interpret interred intersect intersex intranet investigate investigated investigating
investigational investigative investigatory isolation issuance iterated iteration jeweled
jeweler jewell jeweller journaling journalism journalistic judicial juniper junius labeled
labelle lager lander landing lange langer lapel larder largely largest largo larue lastly
latching launching lavender lawler layer leaching leaded leaden leading leaker leander leaner
leaver lecter legacy legalization legally legate legation legislate legislating legislation
legislature leinster leisurely leitch lester letter lettering levee leveled leven lever leverage
leveraged liability liaoning libel liberian libertarian lifeless lifer linder liter literary
loader loathing lobbying localisation logical logistical loitering lounging lynching machen
machete machida machin machina machined machining macro maher maier mainline maketh makeup
manage managua manatee mandated mandating manger manufactured marching marked marker marketed
markey markle markov markup markus martell masque massaged massager massaging matching mater
materia materially materiel maternal meant meath meaty mechanically mechanism medal medea medial
median mediate mediating mediator medic medica medicaid medically medicare medicate medication
medici medicinal medico medieval medina meditation mejia menacing menial mentally menthol
merchandise metrical microbe micron microsd miler miley militancy militant militarily mille
milne minding mingling minima minion minisery minister mismatch mixing moderating moderation
moderator morehouse mortgaged motility motioned motive motogp moulding mounting movin moxie
mufti mumbling munching musica musik mutation named navigation negation networked norse notation
notching nursed nursery obstruction officio offing offspring omission operable operate operated
operatic operational operative orally orbiting oreal organisational organise organised organiser
organiz organizational organize organized orthodontic oréal outpouring outwit overdone
overeating overtone overture owned pacer pacing packard packed packet pager painting paler
palpable pamper panicking panning papier parable parading parametric parched parenting pariah
pariba paris parka parke parker parking parma parrish parson parte parti partied partnered
parton partum party passable pasteur pastoral pastry pasture patching pater paternal paterson
pauper pavement payed pearson pecker pecking pederson penetration pensioner pensive perish
perron persia persie persona personable personally personnel persson peterson pharm pharmacy
philanthropic phishing phonograph photograph photographed photographic physic physically
physicist physics picker picking pickling pictured pierson pinching piper placenta placer
plaguing plain plait planar planck plane planed planet planing plank planking plano plantain
plantar planted planter planting plasmid plata platt playable played playset pleading pleasing
pleasure plotting plucking plummer plummet plunging poaching poetical pointing poker polemical
policed polishing polite politic politically politician politico polity pollution poser pounding
powder powell powered practical practiced practise practised praising prancing prayer preacher
precedent precision precursor predation prediction prentice prescient present preside presided
presidency presidente presiding pressing primacy primarily primark primate principally principe
principle pristine privateer privately privatize proactive proceeding process processed
procession procreation produce produced productive profess professed professing profession
professionally profile profiler profited programme programmed progressing projected projection
projector properly prophecy proprietary propriety prospector prospectus prosper prosperity
prospero protect protection protesting protestor provide provided provident proviso provoke
pubic publican publicly publish published publix pucker punching puncture punisher punishing
purveyor pyruvate quilting radial radiation radii radioed radius raiding railing raisin raison
rambling rance rancher ranchi rancho rancid ratio ravaging ravishing reaching reaction reactive
reactor readability readership readmission realising reality realiz realm realness realy
rebuilding recalling reception recitation reciting recoil reconstruction recorded recorder
recounting recoup recourse recreating recruit recruited recursion recuse redesign redevelopment
redirect redistribution reduction refinance reformation reforming regeneration register
registrant registry regrowth regulation reinforcement reinsurance reinvestment relating
relational relative relaxation relegation religion religiously relocation remediation remember
remission renal renounce reorganisation reorganization repackaged repayment report reporting
representation reprinting reprocessing reproduction reprogram republic requisition researched
reseller resident resigned resistant resorted resourced responsible responsibly restated
restitution restrict resupply retain retained retainer retake retort retraining revelation
revenge revere reverie reverse revising revision revoke revolution reworking rewriting rising
risked risky robotic roomie roomy rotation rounding rumbling sable saeed safely safest safeway
saleem saleh salem salesmen salle salve sampling sanctuary sanitation scala scalar scaled scalia
scallop scalp scalpel scaly scanning scape scholl schooled schooler schott scoffing scorching
score scouting seafloor seaford seale sealer searched searcher seared seasonal secondarily
secondly secretion section sectoral securely securing sedation sedition seduction seeded seedy
seguin segundo segura seize seized selector sellin senile senor sensor serviced servile serving
settling severity sewed sewerage sexed shack shale shephard sheppard shifting shilling shipboard
shipp shite shitting shooting shoppe shopping shore short shortage shorting shouting sided
sipping sired sister sited situation skipping skirting slack slacking slapping sledding slipping
smack smacking smallest smart smell smite snacking snapping snark sniffing snore snort snorting
snuck socal sociable socialist socialization socially societal softcore solano solaris solicit
solicited solitary sonar soothing sorting sounding spaced spacer spacex spacey spade spake
spanking spanning spare sparking sparring spate specialise specialised speciality specializ
specialize specially spector speed spending sperling spice spiral spirited spite spitting
spoiling spoofing spooning spore sported sporty spotting spout spouting springing sprinting
sprouting spurgeon spurring spurt stabbing stacked stacking stacy stade staffed staffer staged
stagg stagger staining stake stale stalk stalking stall stalling stallion stamping standing
stank starc starch stare stark starlet starling starr starring starry started starter startin
starting startle starving starz statesman static statin stationed statist stave steal steed
steele steely steen steep steeple steeply steer stepping stick stiff stifling stock stoke stole
stone stoppage stopping stored storey storied stork storm stormed storming stormy storr story
stove stowe strafing straining stranding strat strategist strategize stratton straying striding
stripping stuart stuck studied studien studious stuff stuffing sturgeon sturt succeed successor
suited suleiman supper supple supported supporter supporting suppose surged surveyed survivor
swapping swarming swore systemic tackling talented talisman targeting teach teaching teamed
techie technica technically techno techy telekom tesco testicle texture thame thanking thatcher
thebe themed thick thine thing thingy thinker thinkin thinly threading thrust thunk thyme tiled
timeless tincture tirade tireless tithe titled tittle tobago tolerating toleration torching
touching touring tourist touristy trace tracing track tracking traded trader trailing
transaction transform transformation transition translating translational translator
translocation transpire transported transporter transpose trapping trashing travail traveled
traveler traver travis trawling treachery treading treasure treasured treasury treating treatise
trekking trending trick tricking trickling tripping truce trucker trudging truest trunk truss
trusted trustee trusting trusty tryst tucking tumbling twink ultimate underwater underwrite
underwritten unending unison universality université unpacking unprofessional unreliability
unser upmarket urbana urbane urbanisation urbanization urinating usher utilise utiliz utilize
vacation vaccinate variation venerable veneration venereal vented venti ventura ventured venturi
venue vertically vesicle vesta vestment vimeo vince voice volition wader wafer wager waite
waiter waiting walter warcraft wasted watching watered waterhouse watery watter waver weakness
wealthy welded weldon welker welter westgate whacking whine whipping whirling whirring whiting
wholesome whopping wilder wildness wince winded window windy winehouse wintry wirelessly
wordless worked workhouse workin workmen wounding wracking wrecking wrenching wringing writhing
yearling yearning zookeeper
""")


def _generate() -> list[str]:  # pragma: no cover - dev-time tool
    from wordfreq import top_n_list

    from .slots import _VOCAB_SET, correct
    from .text import singular

    found = set()
    for word in top_n_list("en", 60000):
        if not word.isalpha() or len(word) < 5:
            continue
        key = singular(word)
        if key in _VOCAB_SET:
            continue
        correct.cache_clear()
        if correct(key, guard=False):
            found.add(key)
    return sorted(found)


if __name__ == "__main__":  # pragma: no cover
    import pathlib
    import textwrap

    words = _generate()
    path = pathlib.Path(__file__)
    text = path.read_text()
    body = textwrap.fill(" ".join(words), 96)
    new = 'REAL_WORDS: frozenset[str] = word_set("""\n' + body + '\n""")'
    start = text.index("REAL_WORDS: frozenset[str] = word_set(")
    end = text.index("\n\n\ndef _generate")
    path.write_text(text[:start] + new + text[end:])
    print(len(words), "words")
