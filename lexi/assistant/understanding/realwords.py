"""Ordinary English words that are one or two letters away from a lexicon word.

Typo correction ("laywers" -> "lawyer") must leave real words alone ("waiting" is not a typo
of "writing"). This list is derived, not hand-written: the 60,000 most frequent English words
(``wordfreq``, a dev-time tool) that ``slots.correct`` would otherwise rewrite. Regenerate it
after changing the lexicon with ``python -m lexi.assistant.understanding.realwords``.
"""

from __future__ import annotations

from .text import word_set

REAL_WORDS: frozenset[str] = word_set("""
abetting abilities ablation abode aborting abounding absolution abutting academia academics
accompanies accompany accounted actual addicting adjust adjusted adjusts adkin admire admit
admits adulation advancements adventist adventure adviser advisers advisors advocated advocates
aeration affaire affaires agence agenda aggro agitation airfield airlift airliner airplane
airspace airstream alarming alchemical allegiance allianz allowance alternate alternating
alternation alternatively amazement ambiance amending american americas amerika amounting
analyse analysed analyses analysing analyte analytic analytica analytical analyz analyze
analyzes androids anima animate animated animating animators animus anise antibody apartment
apolitical apparent appeared appliance applications applicator appointee appointees appoints
appraisal appraise appraised apprised arbitrator architecturally archives archiving archivists
arent argent armin arterial assed assemble assembled assembles assemblies assembly assent assert
asserts asses assess assistance assisting associated associative assurances assure assured
assures astronautic astronautics athletes athletics attaching attaining attendance attendants
audios audited audition auditions auditory authoring authorise authoriz authorize automate
automated automatic automating automaton aviator awaiting awarding babbling backed backers
backhand backing bacterial bagger baked baker bakers baking bancorp bandaged banding banging
banister banjo banked banksy banning bannister bared barking barmaid barriers baseball basel
bases bashed basking basque batman batting battling bauman bayer beard beating beatings beatty
beaut beautify befitting behaving behaviors behaviour behavioural belting benedict benefited
berating berman bettering bettie bettina beveridge beyer bianco biased bicycling biggar biggest
biggie billings billions bioethic bioinformatics biometrics biotic blackened blacking blanco
bland blank blanking blasting bleacher bleaching bleating bleeding blending blinding blinking
bloat blotting boarded boarder boarding boardman boars boast boater bodybuilder booked booker
bookie booky borat bossa bossy bottling bouncing bounding bounties boyer braid braiding brainerd
branching branded brandi branding brandis brando brandon brandt brandy brant breaching bremer
brewed brewster breyer bringing broadcasted broadest brody brokaw broke broken brokered brook
brooker brower bruising bugger builds buildup buisness bullying bumbling bundling burman bursa
bursary bursting bursts busiest butting byproduct cabernet cabins caching cackling cadence
cadets cadre calender caliente camino campaigns camped camper campers campos camps campuse
campuses camus canter capita capitan capitol captains cardena cardenas cardiff cardigan cardin
cardinal carding cardio cardiologist cared careless carell carer carers caress carew carey carle
carne carpe carpenters carpentry carpeted carpeting carrera carrick carrie carried carries
carrion carte cartier carve casement cashew cashing cashmere casing casings casio casually
catalyst catching caterina catherine causal causality causally celibate celled cellular cemented
centaur centered central centred centric centrist centro century certifies cervical chafe chaim
chained chaining chainz chaired chairing chaise champlain chancel chancellors channels channing
chapin chaplains chaplin chargeable chariot chariots charley charly charming charts chastity
cheating chemically chemists chemo chiefly chien chilling chimp chipping chippy chiropractic
chirp chirping choir chomp chopping chorus chris chroma chrome chrono chucking chums cisco
citation civilly claimed claiming clair clamping clare clarinet clarity clark clashing cleaned
cleaner cleanly cleanse cleansing cleanup clear clearing clears cleary cleat cleats cleave
clement clemente clements clergy cleric clerical clicking climatic climax clinch clinging clings
clingy clinically clinician clint clipping cloaking clocking clogging clotting clouding clowning
clubbing clusters clutching clutter coached coarse coasters coasting cocoon cocos coercion
coffer coffers coffey coffin colder coldly collage collagen collages collar collate collation
colleague collect collecting collective collector colleen collett collette colley collide collie
collude coloration comma commas comme commence commenced commences commendation commercialize
commercially commie commissioned commissioners commissions commit common communicating
communicative communicator communion communism communist communists commuted commuter commuters
commutes commy compact compaction compagnie companion companions compaq compare compares compass
compasses compel compensating compete competed competes compilation compiler completing
completions complexion compliant complies comply composer compute computed computes concede
concert concerted concerto concerts conch concretely condensation conducting confection
conflicts conformation confounded connacht connection consent consenting consents conserve
consider consisting consoling constancy constant constitution constriction constrictor construct
constructing constructive constructor consular consume consumed consumes consuming contacted
contain contained contains contempt contend contends contented contest contests context contexts
contiguous continent continues continuum contracted contraction contracts contrary contrast
contrasts contrite controlled controls convection convent convents converge cooke cooked cookie
cookin cooky cooperate cooperating cooperation coordinate coordinated coordinates coordination
coordinators coronation corporal corpse correction corse cortical cosmic couch coughing
counseled counsellor counsellors count counted counters counting counts courage courant cours
coursing courted courtier courtiers coutt coventry coverage covering coworker cracking crackling
cradling crafted crafty crain cranking crashing creaking creasing create creatine creating
creation creatively creature credited crediting creditor cremation cricketer cringing critical
crockery crockett croft crook crouching cruising crunching curate curated curates curation
curative curricula curricular curriculums custodial custodians custody customary cyrus dabbling
daily daisy damaging darkening databases datta deadlier deane deanna decisive deconstruction
dedication deduction deena defect defector defend defended defender defends defensive deference
defiance deflation deformation degeneration degli dejan delegate deletion delgado delhi delia
delicious delirious delish deliver delivered delivers delusion demanded demotion deniability
denial denton dentures deporting deposits derision desalination designate designates designation
designed desktops desolation despatch despatched despatches destitution destruct detailed
detecting detection detectives detector detonation detractor devel develop developed develops
deviance deviate deviation deville devils devine devise devised devises devito devoid devolution
devon devos devour devout dewan dialling diary dielectric dietrich digitally digits dilation
diller dilution diocesan directed direction directive directly directorial directory directv
directx disloyal dispatched dispersal disposable dispose disposed disputed disrepute dissociate
distilled distiller distillers distinct distinction distinguishes distort distract distracts
distribute distributed distributes distributing distributive distrust disturb diver diversify
diversion divestment divisions divisive doctored drafted draining drank dreading dribbling drier
drifting drilled drills drinkin drinking dripping drive drivel driven drives drivin drooling
drunk duelling dunno duration dwelling earle earls earnings eastender eclectic edifying edited
edition editions educated educates educating educators elective electra electrically electricity
electro electron electronica electrons elemental emanated emanating emergence emergent emission
emitting emoticon emotions employ employer employers employs empress emulation enable enabler
enablers enables enameled endorsement endurance engagements engender engendered engine engined
engines enjoyment enlisting enroll enrollee enrollees enrollments enrolment entailed
entrepreneurs entropy environmentally equality equation equine equips escorting especially
esport estado estimate estimated estimates estimation ethnology evenly evens evermore evernote
evert everton evicting eviction evocation evolution examine examined examiners examines excision
exciting excommunication execute executing execution exhibiting exhibitor exhorted existing
exiting expansions expansive expediency experienced expiration explanation exploitation explorer
explosion exportation exported exporting expose exposé expulsion extolled extort extorted
extractor facilitate facilitated facilitates facilitation facilitators factor factored factors
faculties fainting faire fairness familia famine fandom faring farmed farmer farmhouse farmland
farmlands farmyard farthing farting fashioned fastball fasten fatalities fatality faust feast
federally federer fetching fiance fibre fielded fielder fiend fighting filed filmed finale
financed financially financing fined finest finishing fiore fired firefight firehouse fireman
firma firming firmly firmness fished fisher fishermen fishers fishes fishin fisting flanking
flashing flatness flesh flicking flipping flirting flocking flood flounder flushing folksy
fondling fontaine foodie foody footballer footer foothill forecast forego forehand foremost
foresaw foresee foresight forested forester foresters forman formation forming forrest fortified
forward forwarded forwards founded foundered foundling foundries founds fournier frack fragility
fragrant franc francais francine francis francois française françoise freaking freelance
freelancers freighter frenchie fresco freshen fresher freshly fresno fretting fricking fright
frith frond fronds frontal fronted fronting frost frothing froze fruiting fruity fullback fuller
fullness fully fumbling funder funding funimation futility gambino gamer gamers gaping garde
gardener gardner gatehouse gating gazing genera generale generalised generality generalize
generally generate generating generative generator generic geneva geologic geologists
gesellschaft gestation giant gifted glancing glans glaser glassy gleaming globalization gloss
gobbling golfer goode goodie goodly goody goofball goulding goverment gower grade graded grades
gradual graduated grady grainger granby grander grandeur grange granite granny granted grantee
granting graphing graphite graphs grass grater greece greed greedy greek greeks greene greener
greenhouses greer greet greets grilling grinder grinders grinding grinning gripping ground
grounded grounder grounding groupe grouped groupie groupon groupy grouse grout grover growled
growler growls grumbling grundy grunge grunt grunting guardia guardian guardians habitable haigh
hairline halal hallam halle haller halley hallie hallo hallow harbin harbored harcourt hardcore
hardest hardwired harriers harshest harvests hatching hauled hauler hauling headed headwater
heady healthy healy heard hearth heath heave heaven heavily hedged herdsmen heretical heritable
hesitate hickey hiding highest highly hight hiking hither hoarding hobbyist hobbyists hockney
hodge hoisting hokey holistic holme homely homemade homepage homer homers homeward homework
homey homie homme horse horseman hospitable hospitalised hospitalized hounding housed housemate
housewife housewive housework hovering hugely hughe humana humane humanize humanly humbling
humility hunan hygienic hyman hôtel immaterial immigrating immunity impart imparted impersonal
implementations imported importing impose imposter impostor imprinting improper improvements
incision incorporate incorporation indecision independence independents indirect individually
industrially industrie inequity inexperience infarction infecting infections infectious
inflation inflection informatic informatics informative infosy infosys infraction
infrastructural infrastructures inhabit inhale inhaled inhaler inhales inherent inhibition
innovating innovations innovative innovator inquirer inquisition insecurity inspected inspectors
inspects install installed installs instance instigation instigator instilled instituting
instituto instruct instructed instructing instructions instructive instructs insular insulting
insure insured insures integral integrate integrates integration intelligencer intelligent
intend intentional inter interact interacted interacting interactions interactive intercept
intercom interdiction interest interim interiors interment internals internationale
internationally interned internment interpol interpret interred intersect intersection intersex
interval intervals interwar intranet inundation inventor inventors inverter invested investigate
investigated investigates investigating investigative investigatory investors isolation issuance
iterated iteration janitors jeweled jewell jewels johan johnny johny journaling journalism
journals judicial juniper junius kitchens labeled labelle labored laborers laboured labourer
lager laine lander landing landings landscaped landscapes lange langer lapel larder largely
largest largo larue lasting lastly latching launching lavender lawler layer leaching leaded
leaden leading leaguer leaker leaking leander leaner leanings leaping leaver leaving lecter
lecture lectured lecturers lectures legacy legalization legally legation legislate legislating
legislation legislature leinster leisurely leitch lester letter lettering levee levees leveled
leven lever leverage leveraged leverages levers liability liaisons liaoning libel liberian
libertarian licences license licensee licensees licenses lieutenants lifeless lifeline lifer
lifers lifting lighting limber limiting linde linder lineal linear lined linemen linen linens
liners linesman lineup linfield listen listening listens liston liter literary loader loathing
lobbying locale locales localisation locally locate logistical loitering lounging loyal lumbar
lusting lynching machen machete machida machin machina machined machining macro maddison madison
maester magister magistrates maher maier maine mainline mainstream maisie makes maketh makeup
manage manages managua manatee mandated mandating manger manner mannered manners mannix manson
manufactured maquis marching mariah mariam mariana marianne mariano marie mariel marika mariko
marin marina marinade marinas marinate mariner marino marisa marist marius marked marker
marketed markey markov markup markus marne marnie martell martens martine martinez mason masque
massacre massaged massager massages massaging masson mastered masterly mastery matching mater
materia materially materiel maternal matson mawson maxine mckellar mcmaster meant meath meaty
mechanically mechanism medal medea medial median mediate mediating mediator medic medica
medicaid medically medicare medicate medication medications medici medicinal medico medics
medieval medina meditation meditations mejia menacing menial mentally menthol mercado mercede
mercedes metrical microbe micron microns microsd midfield miler miley militancy militant
militarily milla mille milli milly milne milner mince minder minding mined minerva mingling
minima minion minions minisery minister ministers minor miser mismatch mister mistreat mixer
mixing moderating moderation moderator moine morehouse mortgaged mortified motifs motility
motioned motive motogp moulding mounties mounting movies movin moxie mufti mumbling munching
mundi munich munir murine musica musicians musik muster mutation mutually named nationale
nationals natura naturally nature natured natures navigation negation networked neurosurgery
nominal nominee norse notation notching nullified nursed nursery obstruction occupations
ofcourse officio offing offspring oldfield olfactory omission operable operate operated operates
operatic operative orally orbiting orchards oreal organise organised organiser organisers
organises organiz organize organized organizes originate originated originates origination
originators orthodontic oréal outfield outpouring outshine outsider outsized outwit overdone
overeating overhear overseas oversee overseen overseers oversees overtone overture owned pacer
pacing packard packed packet packets pager paintings palate paler pallet palpable pamper
panicking panning papier parable parables parading parametric parched parenting pariah pariba
paris parka parke parker parking parma parrish parson parte parti partied parties partnered
parton partum party passable pastry pasture patching pater paternal paterson patience patients
pauper pavement payed pearson pecker pecking pederson pelle penetration pensioner pensive
performances perish perron persia persie persona personable personally personas personnel
persson peterson petrified pharm pharmacies philanthropic phishing phonograph photograph
photographed photographic photographs physic physically physicist physics picker picking
pickings pickling pictured pierson pinching piper pirate placenta placer plaguing plain plait
planar planck plane planed planes planet planets planing plank planking planks planned planners
plano plantar planted planter planters planting plantings plasmid plata plate platforms platt
playable played playset pleading pleasing pleasure plotting plucking plumes plummer plummet
plunging poaching podcasts poetical pointing poker polemical policed polishing polite politic
politically politician politico politics polity pollution portfolios poser posit postal posted
pounders pounding powder powell powered practiced practise practised practises praising prancing
prayer preacher preaching precedent precision precursor predation prediction premiere premiered
premieres premise premised premises premium prentice preppy prescient present preside presided
presidency presidente presides presiding pressing pretension prettier preventing preventive
primacy primarily primark primate primates primers principally principe principled printmaking
pristine privateer privately privatize proactive probiotics proceeding proceeds processed
processes procession processions procreation produced productive profess professed professes
professing profession professionally professions profile profiler profited programme programmed
programmes progress progressing projected projection projections propagation properly prophecy
proprietary propriety prosecution prosper prosperity prospero prost protect protecting
protective protector protects protesting protestor protests proves provide provided provident
provides proviso provoke prowess psychiatric psychiatrists pubic publicised publicists publicity
publicize publicly publish published publishes publix pucker pulpit punching puncture punisher
punishing pursuing purveyor purveyors pyruvate quack qualifier qualifiers qualifies qualify
qualitative qualities quantified quantity quarks quarrel quarto quarts quartz quiche quicken
quicker quickie quilting quirk radial radiation radii radioed radiology radius raiding railing
railings raisin raisins rambling ramblings rance rancher ranchi rancho rancid rankings raster
ratio ravaging ravishing reaching reacting reaction reactive reactor reactors readability
readership readmission realising reality realiz realm realms realness realy reassurance
rebuilding recalling receding reception receptions recitation reciting recliner reclining recoil
recollection reconstruction reconstructions recorded recorder recounting recoup recourse
recreating recruit recruited recruits rectified recursion recuse redesign redevelopment redirect
redistribution reduction refinance refine refined reformation reforming regeneration reginald
regionals register registers registrant registry regrowth regulation regulator regulators
rehabilitating rehabilitative reiner reinforcement reinvestment relating relationships relative
relaxation relegation reliance religion religions religiously relocation remaster remediation
remember reminder remission renal renewals renounce reorganisation reorganization repackaged
reparation reparations repayment repeater repeating report reported reporters reposted reposting
representation reprinting reprocessing reproduce reproduction reprogram republic requisition
researched reseller reservoirs residences residency residents residing resigned resilience
resilient resistant resorted resourced respirator responsible responsibly restated restitution
restrict resupply retain retained retainer retainers retains retake retort retraining revelation
revenge reverie reverse revising revision revoke revolution revolutions reworking rewriting
rigby rising risked risky roadster roasted robotic robots roomie roomy roost rooster roosters
roster rotation rounders rounding rumbling sable saeed safely safest safeway sagas salas saleem
saleh salem salesmen salle salve sampling sanctuary sanitation scala scalar scaled scalia
scallop scalp scalpel scalps scaly scanning scape schedule scheduled schedules scholl schooled
schooler schott scoffing scoot scorching score scott scour scouted scouting scrolled seafloor
seaford seale searched searcher searching seared seasonal secondarily secondly secretion
secretly section securely securing sedation sedition seduction seeded seedy seguin segundo
segura seine seize seized selector sellin selve senile senor sensor separation serge sergeants
serie served servers servile serving servo settings settling severity sewed sewerage sexed shack
shade shake shalom shalt shame shane shape share shave shephard sheppard shifting shilling shine
shipboard shipp shite shitting shone shooting shopping shore short shortage shorting shout
shouting shove sided sideline sipping sired sisters sited situation sizes skate skillet skills
skillset skipping skirting skrillex slack slacking slapping slate sledding slimming slipping
slitting smack smacking smallest smart smell smite snacking snapping snark sniffing snore snort
snorting snout snuck socal sociable socialist socialization socially societal softball softcore
solano solaris solicit solicited solitary sonar soothing sorting souls sounders sounding soups
sourced sources sousa spaced spacer spacers spacex spacey spade spake spanking spanning spare
sparking sparring spate specialise specialised specialises speciality specializ specialize
specially specials spector spectral speed spending sperling spice spike spilled spilling spina
spinach spindle spinner spins spiny spiral spire spirited spite spitting spline spoiling
spoofing spooning spore spores sported sporty spotting spout spouting springing sprinting
sprouting spurgeon spurring spurt stabbing stacked stacking stacy stade staffed staffer staged
stagg stagger stags staining stake stale stalk stalking stall stalling stallion stamping
standing stank starc starch stare stark starlet starling starr starring stars started starter
startin starting startle starving starz stated stately staten statesman static statics statin
statins stationary stationed statist stats statue statues stature statuse statute stave steal
steed steele steely steen steep steeple steeply steer steers stepping stick stiff stifling stine
stoke stole stone stoppage stopping stored storey storeys storied stories stork storks storm
stormed storming storms stormy storr storrs story stout stove stowe strafing strained strainer
straining stranding strat strategists strategize stratton straying striding stripping strolled
structure structured structures stuart stuck students studied studien studies stuff stuffing
sturgeon sturt subjects substituted substitutes succeed succeeds suited suits suleiman superior
supervise supervised supervises supervision supervisory supine supper suppers supple supported
supporter supporting suppose surged surges surveyed surveys survival survivor swapping swarming
swerve swore tackling talented talisman taller targeting teach teaches teamed techie technica
technically technics techno technologists techy teething telekom tellin tensions terminals
terminate terminus terrified tesco testicle testified texture thame thanking thatcher thebe
themed therapies thick thine thing things thingy thinker thinkin thinly thins threading thriller
thrilling thrust thunk thyme tiber tickling tiled tiller timbered timbre timeless timeline timer
tincture tirade tireless tithe titled tittle toasters tobago tolerating toleration torching
touching toure toured touring tourist tourists touristy touré towne trace tracer tracing track
tracking traction tracts traded trailed trailer trailers trailing trained trainee trainees
trainor traitor traitors transactions transduction transform transformations transformative
transition translating translator translocation transmissions transpire transported transporter
transpose trapping trashing travail traveled traveler traver travis trawling treachery treading
treasure treasured treasures treasuries treating treatise trekking trending trick tricking
trickling trifling tripling tripping trolling truce trucker trudging truest trunk truss trusted
trustee trusting trusty tryst tucking tumbling turbines twink twisting ultimate underwater
underwrite underwritten unending unfit unisex unison unite united unity universality universe
universes université unlit unmanned unnatural unpacking unprofessional unqualified unreliability
unser unskilled upmarket urbana urbane urbanisation urbanization urinating usher utilise utiliz
utilize vacation vaccinate variation venables venerable veneration venereal vented venti vents
ventura ventured venturi venue verified vertically vertices vesicle vesicles vesta vestment
videography vimeo vince visiting voice volition volunteers wader wafer wager waite waiter
waiting walter warcraft wasted watching watered waterhouse watery watter waver weakness wealthy
welded weldon welker wellies welter westgate whacking whine whipping whirling whirring whisk
whisked whisker whiskers whisper whiter whiting wholesome whopping wilder wildness wince winded
window windy winehouse winfield wintry wirelessly wooded wooden woody wooed wordless worked
workhouse workin workmen workshop worships wounding wracking wrecking wrenching wringing write
writes writhing written yearling yearning zookeeper
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
        # the scanner corrects a word's key and, failing that, the word as written ("parties"
        # would be "partner"): both are guarded
        for form in {key, word}:
            correct.cache_clear()
            if form not in _VOCAB_SET and correct(form, guard=False):
                found.add(form)
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
