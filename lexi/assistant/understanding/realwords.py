"""Ordinary English words that are one or two letters away from a lexicon word.

Typo correction ("laywers" -> "lawyer") must leave real words alone ("waiting" is not a typo
of "writing"). This list is derived, not hand-written: the 60,000 most frequent English words
(``wordfreq``, a dev-time tool) that ``slots.correct`` would otherwise rewrite. Regenerate it
after changing the lexicon with ``python -m lexi.assistant.understanding.realwords``.
"""

from __future__ import annotations

from .text import word_set

REAL_WORDS: frozenset[str] = word_set("""
abetting abilities ablation abode aborting abounding absolution abutting academia academic
accompanies accompany accounted actual addicting adjust adjusted adjusts adkin administrative
admire admit admits adulation adventist adventure advocacy advocate aeration affaire affaires
agence agenda agitation airlift airliner airliners airplane airspace alarming alchemical
alternate alternating alternation alternatively amazement amending amounting analyse analysed
analyses analysis analyte analyz analyze anima animate animating animator animus antibody
apartment apolitical apparent appeared appraisal appraise appraised apprised arbitrator
architecturally arent argent armin arterial assed assent assert asserts asses assess assistance
assisting associated associative assurance assure assured assures attaining audio audios audited
audition auditions auditory automate automated automatic automating automaton aviator awaiting
babbling backed backers backhand backing bacterial bagger baked baking bancorp bandaged banding
banging banister banjo banked banker bankers banksy banning bannister banquet banquets bared
barking barriers basel bases bashed basking basque batting battling bayer beard beating beatings
beatty beaut beautify befitting behavior behaviors behavioural belting benedict benefited
berating bettering bettie bettina beveridge beyer bianco biased bicycling biggar biggest biggie
biotic blackened blacking blanco bland blank blanking bleacher bleating bleeding blending
blinding blinking bloat blotting boarded boarder boars boast boater bodybuilder booked booker
bookie booky borat bossa bossy bottling bouncing bounding bounties boyer braid braiding
branching branded brandi branding brandis brando brandon brandt brandy brant brewed brewer
brewers bringing broadcasted broadest brokaw broke broken brokered brook brooker brower bruising
bugger builds buildup buisness bullying bumbling bundling bursting busiest butting byproduct
cabernet cabins caching cackling cadre calender caliente camino canter capita capitan capitol
cardiologist cared career careless carell carer carers caress carew carey carle carne carpe
carpeting carrera carrick carrie carried carries carrion carte cartier carve casement casing
casings casio casual casually casuals catalyst catching causality causally celibate cemented
centaur centered central centred centric centrist centro century cervical chafe chaim chained
chaining chainz chaired chairing chairmen chairwoman chaise channing chapin chariot chariots
charley charly charming charts chastity cheating chemically chiefly chien chimp chipping chippy
chiropractic chirp chirping choir chopping chroma chrome chrono chucking churns cisco citation
civilly claimed clair clare clarinet clarity clark clashing cleaned cleaner cleanly cleanse
cleansing cleanup clear clearing clears cleary cleat cleats cleave clement clemente clements
clergy cleric clerical climatic climax clinch clings clingy clinically clinician clint clipping
cloaking clocking clogging clotting clouding clowning clutching coasting colder coldly collage
collagen collages collate colleague collect colleen collett collette colley collide collie
collude coloration commence commenced commences commercialize commercially communicating
communicative communicator commuted commuter commuters commutes compact compagnie companion
companions compaq compare compares compass compasses compel compete competed competes compiler
compliant complies comply composer compute computed computes concede concert concerted concerto
concerts concretely conducting conformation confounded congregational connacht consent
consenting consents consider consisting consoling constancy constant constitution constriction
constrictor constructing constructive constructor consular consume consumed consumes consuming
contacted contain contained contains contempt contend contends contented contest contests
context contexts continent contract contracted contraction contracts contrast contrite
controlled convent convents cooperating cooperation coronation corpse corpus cortical cosmic
coughing councilor counseled counsellor counsellors count counted counters counting counts
courant cours coursing courted courtier courtiers coutt coventry coverage coworker cracking
cradling crafted crafty crain cranking crashing creaking creasing create creatine creating
creation creatively creature credited crediting creditor cremation cringing critical crockery
croft crouching cruising crunching curate curated curates curation curative custody customary
dabbling daily daisy damaging darkening datta deane deanna decisive deconstruction dedication
deduction defect defector defend defended defender defends defensive deference defiance
deflation deformation degeneration dejan delegate deletion delgado delicious delirious deliver
delivered delivers delusion demanded demotion deniability denial dentistry denton dentures
departmental deporting derision designed desire desolation despatch despatched despatches
destitution destruct detailed detector devel develop developed developmental develops deviance
deviate deviation deville devils devine devise devised devises devito devoid devolution devon
devos devour devout dewan diary dielectric dietrich digitally digits dilation dilution diocesan
directed direction directive directly directorate directorial directory directv directx
dispatched dispose disputed disrepute dissociate distilled distiller distillers distinct
distract distracts distribute distributed distributes distributing distributive distrust diver
diversity divestment division doctoral doctored draining drank dreading drier drifting drinker
drinkin drinking dripping drive drivel driven drives drivin drunk duration earle earls earnings
eastender eclectic edifying edited edition editions educating educational educator elective
electra electrically electricity electro electron electronica electrons elemental emanated
emanating emission emitting emoticon emotions employ employed employer employers employs empress
emulation endorsement endurance engender engine engined engineered engines enjoyment enrolment
entropy environmentally equality equation equine equips escorting especially esport estado
estimate estimated estimates estimation ethnology evenly evens evermore evernote evert everton
evicting eviction evocation evolution excision exciting excommunication execute executing
execution exhibiting exhibitor existing exiting expediency experienced expert exported exporter
exporting expose exposé extort facilitates faculties fainting fairness familia famine fandom
faring farmed farmer farmhouse farthing farting fashioned fatalities fatality federation fiance
fighting filmed finale financed financially financing fined finely finer finest finishing
firefight firehouse fireman firma firmer firming firmly firmness fished fisher fishers fishes
fishin fisting flanking flashing flatness flipping flood flounder flushing folksy fondling
fontaine foodie foody forecast forego forehand foreign foremost foresaw foresee foresight
forested forester foresters forman formation forming forrest forward forwarded forwards founded
foundered foundling foundries founds fournier fracking fragility framing franchise franchised
franchises freighter fretting fricking fright frith frond fronds frontal fronted fronting frost
frothing fruiting fullback fuller fullness fully fumbling funder funding funimation futility
gambino gamer gamers gaping gatehouse gating gazing genera generale generally generate
generating generational generative generator generic geneva gesellschaft gestation glancing
glans glaser glassy gleaming globalization gloss gobbling goode goodie goodly goody goulding
goverment governmental grander grandeur granting graphical graphing graphite graphs grass greece
greed greedy greek greeks greene greener greer greet greets grinder grinders grinding grinning
gripping ground grounded grounder grounding groupe grouped groupie groupon groupy grouse grout
grover grower growls grumbling grundy grunge grunting haigh hairline hardcore hardwired harriers
hatching hauled hauler hauling headed heady healer healey healthy heard hearth heath hedged
heretical hesitate hiding highest highly hight hiking hither hobbyist hobbyists hodge holistic
holme homely homer homers homey homie homme horse horseman hospitable hostel hounding housed
hugely hughe humana humane humanize humanly humanoid humbling humility hunan hygienic hyman
hôtel immaterial impart impersonal imported importer importing impose imprinting incision
incorporation indecision indirect individually industrially industrie inequity inexperience
informatic informatics informational informative infosy infosys inhabit inhale inhaled inhaler
inhales inherent inhibition inquirer inquisition insecurity install installed installs instance
instigation instigator instilled instituting institutional instituto instruction insular
insulting insure insured insures integrate integrates integrator intend intentional inter
interact interacted intercept interest interim interment internal internationale internationally
interned internment interpret interred intersect intersex intranet investigate investigated
investigates investigating investigational investigative investigatory isolation issuance
iterated iteration jeweled jeweler jewelers jewell jeweller jewellers jewels journaling
journalism journalistic journals judicial juniper junius labeled labelle lager lander landing
landings lange langer lapel larder largely largest largo larue lastly latching launching
lavender lawler layer leaching leaded leaden leading leaker leander leaner leanings leaver
lecter legacy legalization legally legate legation legislate legislating legislation legislature
leinster leisurely leitch lester letter lettering levee levees leveled leven lever leverage
leveraged leverages levers liability liaoning libel liberian libertarian lifeless lifer lifers
linder liter literary loader loathing lobbying localisation logical logistical loitering
lounging lynching machen machete machida machin machina machined machining macro maher maier
mainline makes maketh makeup manage manages managua manatee mandated mandating manger
manufactured marching marked marker marketed markey markle markov markup markus martell martens
masque massaged massager massaging matching mater materia materially materiel maternal meant
meath meaty mechanically mechanism medal medea medial median mediate mediating mediator medic
medica medicaid medically medicare medicate medication medications medici medicinal medico
medics medieval medina meditation meditations mejia menacing menial mentally menthol merchandise
metrical microbe micron microns microsd miler miley militancy militant militarily mille milne
minding mingling minima minion minions minisery minister ministers mismatch mixing moderating
moderation moderator morehouse mortgaged motifs motility motioned motive motogp moulding
mounties mounting movies movin moxie mufti mumbling munching musica musik mutation named
navigation negation networked norse notation notching nursed nursery obstruction officio offing
offspring omission operable operate operated operates operatic operational operative orally
orbiting oreal organisational organise organised organiser organisers organises organiz
organizational organize organized organizes orthodontic oréal outpouring outwit overdone
overeating overtone overture owned pacer pacing packard packed packet packets pager painting
paintings paler palpable pamper panicking panning papier parable parables parading parametric
parched parenting pariah pariba paris parka parke parker parking parma parrish parson parte
parti partied parties partnered parton partum party passable pastes pasteur pastoral pastry
pasture patching pater paternal paterson pauper pavement payed pearson pecker pecking pederson
penetration pensioner pensive perish perron persia persie persona personable personally personas
personnel persson peterson pharm pharmacies pharmacy philanthropic phishing phonograph
photograph photographed photographic photographs physic physically physicist physics picker
picking pickings pickling pictured pierson pinching piper placenta placer plaguing plain plait
planar planck plane planed planes planet planets planing plank planking planks plano plantain
plantar planted planter planting plantings plasmid plata platt playable played playset pleading
pleasing pleasure plotting plucking plumes plummer plummet plunging poaching poetical pointing
poker polemical policed polishing polite politic politically politician politico politics polity
pollution poser pounders pounding powder powell powered practical practiced practise practised
practises praising prancing prayer preacher precedent precision precursor predation prediction
prentice prescient present preside presided presidency presidente presides presiding pressing
primacy primarily primark primate primates primers principally principe principle pristine
privateer privately privatize proactive probiotics proceeding process processed processes
procession processions procreation produce produced produces productive profess professed
professes professing profession professionally professions profile profiler profited programme
programmed programmes progressing projected projection projector properly prophecy proprietary
propriety prospector prospectus prosper prosperity prospero protect protection protects
protesting protestor proves provide provided provident provides proviso provoke pubic publican
publicly publish published publishes publix pucker punching puncture punisher punishing pursuing
purveyor purveyors pyruvate quilting radial radiation radii radioed radius raiding railing
railings raisin raisins raison rambling ramblings rance rancher ranchi rancho rancid rankings
ratio ravaging ravishing reaching reaction reactive reactor reactors readability readership
readmission realising reality realiz realm realms realness realy rebuilding recalling reception
receptions recitation reciting recoil reconstruction reconstructions recorded recorder
recounting recoup recourse recreating recruit recruited recruits recursion recuse redesign
redevelopment redirect redistribution reduction refinance reformation reforming regeneration
register registrant registry regrowth regulation reinforcement reinsurance reinvestment relating
relational relative relaxation relegation religion religions religiously relocation remediation
remember remission renal renewals renounce reorganisation reorganization repackaged repayment
report reporting representation reprinting reprocessing reproduction reprogram republic
requisition researched reseller resident residents resigned resistant resorted resourced
responsible responsibly restated restitution restrict resupply retain retained retainer
retainers retains retake retort retraining revelation revenge revere reverie reverse revising
revision revoke revolution revolutions reworking rewriting rising risked risky robotic robots
roomie roomy rotation rounders rounding rumbling sable saeed safely safest safeway sagas salas
saleem saleh salem salesmen salle salve sampling sanctuary sanitation scala scalar scaled scalia
scallop scalp scalpel scalps scaly scanning scape scholl schooled schooler schott scoffing
scorching score scouting seafloor seaford seale sealer searched searcher seared seasonal
secondarily secondly secretion section sectoral securely securing sedation sedition seduction
seeded seedy seguin segundo segura seize seized selector sellin senile senor sensor serviced
servile serving settings settling severity sewed sewerage sexed shack shale shephard sheppard
shifting shilling shipboard shipp shite shitting shooting shoppe shopping shore short shortage
shorting shouting sided sipping sired sister sisters sited situation sizes skillet skills
skillset skipping skirting skrillex slack slacking slapping sledding slipping smack smacking
smallest smart smell smite snacking snapping snark sniffing snore snort snorting snuck socal
sociable socialist socialization socially societal softcore solano solaris solicit solicited
solitary sonar soothing sorting sounders sounding spaced spacer spacers spacex spacey spade
spake spanking spanning spare sparking sparring spate specialise specialised specialises
speciality specializ specialize specially specials spector speed spending sperling spice spilled
spiral spires spirited spite spitting spoiling spoofing spooning spore spores sported sporty
spotting spout spouting springing sprinting sprouting spurgeon spurring spurt stabbing stacked
stacking stacy stade staffed staffer staged stagg stagger stags staining stake stale stalk
stalking stall stalling stallion stamping standing stank starc starch stare stark starlet
starling starr starring starry stars started starter startin starting startle starving starz
statesman static statics statin statins stationed statist stave steal steed steele steely steen
steep steeple steeply steer steers stepping stick stiff stifling stock stoke stole stone
stoppage stopping stored storey storeys storied stories stork storks storm stormed storming
storms stormy storr storrs story stove stowe strafing straining stranding strat strategist
strategize stratton straying striding stripping stuart stuck studied studien studies studious
stuff stuffing sturgeon sturt succeed succeeds successor suited suits suleiman supper suppers
supple supported supporter supporting suppose surged surges surveyed surveys survivor swapping
swarming swore systemic tackling talented talisman targeting teach teaches teaching teamed
techie technica technically technics techno techy telekom tensions tesco testicle texture thame
thanking thatcher thebe themed therapies thick thine thing things thingy thinker thinkin thinly
thins threading thrust thunk thyme tiled timeless tincture tirade tireless tithe titled tittle
tobago tolerating toleration torching touching touring tourist tourists touristy trace tracing
track tracking traded trader traders trailing transaction transform transformation transition
translating translational translator translocation transpire transported transporter transpose
trapping trashing travail traveled traveler traver travers travis trawling treachery treading
treasure treasured treasures treasuries treasury treating treatise trekking trending trick
tricking trickling tripping truce trucker trudging truest trunk truss trusted trustee trusting
trusty tryst tucking tumbling twink ultimate underwater underwrite underwritten unending unison
universality université unpacking unprofessional unreliability unser unskilled upmarket urbana
urbane urbanisation urbanization urinating usher utilise utiliz utilize vacation vaccinate
variation venerable veneration venereal vented venti vents ventura ventured venturi venue
vertically vertices vesicle vesicles vesta vestment vimeo vince voice volition wader wafer wager
waite waiter waiting walter warcraft wasted watching watered waterhouse watery watter waver
weakness wealthy welded weldon welker wellies welter westgate whacking whine whipping whirling
whirring whiting wholesome whopping wilder wildness wince winded window windy winehouse wintry
wirelessly wordless worked workhouse workin workmen wounding wracking wrecking wrenching
wringing writhing yearling yearning zookeeper
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
