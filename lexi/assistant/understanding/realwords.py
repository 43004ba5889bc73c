"""Ordinary English words that are one or two letters away from a lexicon word.

Typo correction ("laywers" -> "lawyer") must leave real words alone ("waiting" is not a typo
of "writing"). This list is derived, not hand-written: the 60,000 most frequent English words
(``wordfreq``, a dev-time tool) that ``slots.correct`` would otherwise rewrite. Regenerate it
after changing the lexicon with ``python -m lexi.assistant.understanding.realwords``.
"""

from __future__ import annotations

from .text import word_set

REAL_WORDS: frozenset[str] = word_set("""
abetting ablation abode aborting abounding absolution abutting accompany accounted adkin
administrative administrator admit adulation adventist adventure aeration affaire agence
agitation airliner airplane airspace alarming alchemical alternate alternating alternation
alternatively amending amounting analyse analysed analysis anima animating animator antibody
apolitical apparent appeared arbitrator architecturally arent argent armin arterial assed assent
assert assurance attaining audio auditing automate automated automatic automating automaton
awaiting babbling backing bacterial baking bandaged banding banging banning barking basking
batting battling bayer beard beating beatty beaut beautify befitting behavior behavioural
belting berating bettering bettina beveridge beyer bicycling blacking bland blank blanking
bleating bleeding blending blinding blinking blotting booker bossa bossy bottling bouncing
bounding boyer braid braiding branching brandi branding brando brandt brandy brant brewer
bringing broadcasted broadest broke broken brokered brooker brower bruising buisness bullying
bumbling bundling butting byproduct caching cadre calender caliente camino canter capita capitan
capitol cared careless carer carew carey carle carne carpe carpeting carrie carried carte
cartier carve casing casio catalyst catching celibate centered centred centrist centro cervical
chafe chaim chaining chainz chairmen chairwoman channing chapin charming chastity chemically
chien chimp chipping chirp chirping choir chopping chucking cisco citation clair clare clarity
clashing cleaning clear clearing cleat clerical climatic clinical clint clipping cloaking
clocking clogging clotting clouding clowning clutching coasting collage collagen colleague
collette coloration commence commenced commercially communicating communicative communicator
commuted commuter competed compiler compliant composer compute computed concerted concerto
concretely conducting conformation confounded connacht consenting consider consisting consoling
constancy constant constitution constriction constrictor constructing constructive constructor
consular consume consumed consuming contacted contained contract contracted contraction contrast
contrite controlled cooperating cooperation coronation cortical coughing counseled counselor
count counting courtier coutt coverage coworker cracking cradling crafty crain cranking crashing
creatine creating creation creatively creature credited crediting creditor cremation cringing
crockery croft crouching cruising crunching curative customary dabbling daily daisy damaging
darkening datta deane decisive deconstruction dedication deduction defector defended defender
defensive deference defiance deflation deformation degeneration dejan deletion delicious
delirious deliver delivered delusion demanded demotion denial dentistry deporting derision
designed desolation destitution destruct detailed detector developed developmental deviance
deviation devine devise devolution dewan diary dietrich digitally dilation directed direction
directly directory directv directx disputed disrepute distilled distiller distinct distract
distribute distributed distributing distributive distrust diversity divestment division doctoral
doctored draining dreading drifting drinking dripping duration earle edifying educating
educational educator elective electric electrically electrician electron electronica emanated
emanating emitting emoticon employed employer emulation endorsement endurance engender
engineered environmentally equality equation escorting esport estimate ethnology evermore
evernote evert evicting eviction evocation evolution excision exciting excommunication executing
execution existing exiting expediency experienced expert exported exporter exporting extort
fainting fairness faring farmhouse farthing farting fashioned fatality federation fiance
fighting financed financially financier financing fined finer finishing firefight firehouse
firma firming firmness fisher fishin fisting flanking flashing flatness flipping flood flounder
flushing fondling fontaine foody forecast foremost foresight forested forester formation forming
forrest fortuna fortunate forwarded founded foundered foundling fournier fracking fragility
framing freighter fretting fricking fright fronting frothing fruiting fullness fumbling funder
funding funimation futility gamer gaping gatehouse gating gazing genera generale generally
generate generating generational generative generator gestation glancing glassy gleaming
globalization gloss gobbling goode goody goulding goverment governmental granting graphical
graphing graphite grass greed greek greene greer greet grinding grinning gripping grounder
grounding groupe groupy grout grover grower grumbling grunting hairline hardcore hardwired
hatching heady healthy heard hearth heath hedged heretical hesitate hither hodge horse
hospitable hostel hounding housed hughe humana humane humbling humility hunan hyman hôtel
immaterial impart imported importer importing imprinting incision incorporation indecision
indirect individually industrially industrie inequity inexperience informatic informational
informative inherent inquirer inquisition insecurity instance instigation instigator instituting
institutional instituto instruction insulting insure insured intentional inter interact
intercept interest interment internal internationale internationally interned internment
interpret interred intersect intersex intranet investigate investigated investigating
investigational investigative investigatory issuance iteration jeweller judicial lager lander
landing lange langer lapel larder largo larue latching launching lavender lawler layer leaching
leaded leaden leading leaker leander leaner leaning leaver legalization legation legislate
legislating legislation legislature leisurely levee leven lever leverage leveraged liaoning
libel lifeless lifer linder literary loader loathing localisation logistic logistical lounging
lynching machined macro maher maier mainline manage mandated mandating manger manufactured
marching marked marker marketed markey massaged massager massaging matching mater materia
materially materiel maternal mayer mechanic mechanically medal medea medial median mediating
mediator medic medica medicaid medically medicare medicate medication medicinal medieval medina
meditation mejia menacing menial mentally metrical micron militancy militant militarily minding
mingling mixing moderating moderation moderator morehouse mortgaged motility motioned moulding
mounting movin moxie mumbling munching musica musik mutation named navigation negation networked
notation notching obstruction offspring operated operatic operational operative orbiting
organisational organizational outpouring outwit overdone overeating overtone overture owned
pacer packaged pager painting paler pamper panning papier parading parenting parma parson
partnered patching pater paternal paterson pauper pavement payed pearson pederson penetration
perron persona personal persson peterson pharm pharmacy philanthropic phishing phonograph
photograph photographed photographer photographic physical physicist pictured pierson pinching
piper placer plaguing plain plait plane planet planing plank planking plano planting platt
played pleading pleasure plotting plucking plunging poaching poetical pointing polemical policed
polishing polite politically politician politico polity pounding practical practiced practise
practised praising prancing prayer precedent precision predation prediction prentice prescient
presided presidency presidente presiding primacy primarily primark primate principally principe
principle pristine privateer privately privatize proactive processor produce produced producer
productive professed profession professionally profiler profited programme programmed projected
projection projector properly prophecy proprietary propriety prospector prospectus prosperity
prospero protect protection protestor provide provided provident pubic publican publicly
published publix punching puncture punisher punishing pyruvate quilting radiation radii raiding
railing raining raisin rambling rance ranchi rancho ratio ravaging ravishing reaching reaction
reactive reactor readership realising reality realm realness realy rebuilding recalling reciting
reconstruction recorded recorder recounting recourse recreating recreation recruited redesign
redevelopment redirect redistribution reduction refinance reformation reforming regeneration
regrowth regulation reinforcement reinsurance reinvestment relating relational relative
relaxation relegation religion religiously relocation remediation remember renal renounce
reorganisation reorganization repayment report reporting representation reprinting reproduction
reprogram republic requisition researched researcher reseller resident resigned resorted
resourced restated restitution restrict resupply retain retained retainer retort retraining
revelation revenge revising revision revolution reworking rewriting rising robotic rotation
rounding rumbling sable saeed safely saleh salem salesmen salle salve sampling sanitation scala
scaled scalp scaly scanning scape scholl schooled schooler scoffing scorching score scouting
seale sealer searched searcher secondarily secondly sectoral securely securing sedation sedition
seduction seedy seize seized selector senor sensor serviced servile settling severity sewed
sewerage sexed shale shifting shilling shite shitting shooting shopping shore short shorting
shouting sided sipping sired sited situation skipping skirting slapping sledding slipping
smallest smell smite snapping sniffing snore snort snorting socal sociable socialization
socially societal softcore solitary solution sonar soothing sorting sounding spaced spacer
spacex spacey spade spake spanking spanning spare sparking sparring spate spector speed spending
sperling spice spirited spite spitting spoiling spoofing spooning spore sporty spotting spout
spouting springing sprinting sprouting spurring spurt stabbing stacking stade staged stagg
staining stake stale stalking stall stalling stallion stamping standing starch stare starling
starring starting starving statesman statin stationed stave steal steed steele steely steen
steep steer stepping stiff stifling stoke stole stone stopping stored storey stork storm
storming storr story stove stowe strafing straining stranding strategic stratton straying
striding stripping studious stuff stuffing successor suited suleiman supple supported supporter
supporting swapping swarming swore systemic talented talisman targeting teach teaching technica
technically technician techy telekom tesco testicle thanking thick thine thing threading thunk
timeless tincture tirade tireless tolerating toleration torching touching tourist touristy trace
tracing tracking traded trader trailing transaction transform transformation transition
translating translational translator translocation transpire transported transporter transpose
trapping trashing traveled traveler traver trawling treading treasure treasured treasury
treating treatise trekking trending tricking trickling tripping trudging trusting tucking
tumbling twink ultimate unending unison universality université unprofessional upmarket urbana
urbane urbanisation urbanization urinating vacation variation venerable veneration venereal
ventura ventured venturi vertically vestment vimeo vince voice waite waiting warcraft wasted
watching waterhouse weakness wealthy westgate whine whipping whiting wholesome whopping wildness
wince windy winehouse wintry wirelessly wordless worked workhouse wounding wracking wrecking
wrenching wringing writhing yearling yearning
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
