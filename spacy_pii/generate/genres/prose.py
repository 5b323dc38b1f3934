"""Prose: incident and police reports, clinical and HR notes, CRM notes, biographies, news
items, meeting minutes and IT tickets written as sentences.
"""
from typing import List

from ..core import Builder, Context, Pieces, slot
from ..providers import street_line
from .base import GenreSpec, join, make_templates, units

NAME = "prose"

POSITIVE = [
    "{person} was born on {dob} in {city}, {country}.",
    "{person}, a {job} at {org}, lives in {city}.",
    "According to the incident report, {person} reported the theft of a wallet at {address} on {date}.",
    "Patient {fullname} (DOB {dob}) presented on {date} with chest pain and shortness of breath.",
    "{first} moved to {city} on {date} and joined {org} as a {job}.",
    "{titled} responded to a call from {phone} at {time}.",
    "The suspect, identified as {fullname}, was last seen near {street} in {city}.",
    "Please contact {titled} at {phone} for further information.",
    "{person} founded {org} together with {person:1} in {city}.",
    "{titled}'s account {iban} was credited on {date}.",
    "On {date}, {person} signed the lease for the apartment at {fulladdress}.",
    "Customer {fullname} called to dispute a charge on card {card}.",
    "Spoke with {first} re: renewal. Prefers contact via {email}. Follow up {when}.",
    "Employee {fullname} (SSN {ssn}) started on {date} in the {city} office.",
    "Attendees: {person}, {person:1}, {person:2}.",
    "{person} ({handle} on social media) posted the photo from {city}.",
    "User {user} reports that the laptop with MAC {mac} cannot get an address; DHCP assigned {ip} yesterday.",
    "An access key ({apikey}) belonging to {user} was committed to a public repository.",
    "{fullname} (born {dob}) is a {job} based in {city}.",
    "{city} police arrested {fullname}, {age}, of {city}, on {date}.",
    "The witness, {person}, stated that the vehicle was registered to an address on {street}.",
    "{fullname} has worked for {org} since {date}.",
    "Mrs. {last} asked that the refund be paid to {iban}.",
    "The complainant can be reached at {phone} or by email at {email}.",
    "{person} will present the results at the {city} meeting {when}.",
    "The contract between {org} and {org:1} was signed by {fullname} on {date}.",
    "Follow-up visit scheduled for {when} with {titled}.",
    "Login attempts for {user} came from {ip} and {ip}, both in {country}.",
    "{first}'s new address is {fulladdress}; mail should be forwarded from {date}.",
    "The employee shared the password {password} with a contractor, in breach of policy.",
    "We traced the leaked token {token} to the CI logs of {org}.",
    "{person} grew up in {state} and studied at {org}.",
    "The insured, {fullname}, SSN {ssn}, resides at {fulladdress}.",
    "Minutes taken by {person}. Next meeting: {when}.",
    "{first} called from {phone} asking about the delivery to {street}.",
    "Ticket opened by {fullname} ({email}): cannot connect to VPN from {ip}.",
    "{fullname} transferred {amount} from {iban} to an account at {org}.",
    "Her daughter {first:1} was born on {dob} in {city}.",
    "In an interview with {org}, {person} said the plant in {city} would close.",
    "{person} has been appointed head of the {city} branch of {org}.",
    "Router {mac} at {fulladdress} was replaced on {date}.",
    "The private key below was found on the server:\n{pem}",
    "{person}, {person:1} and {person:2} travelled from {city} to {country} on {date}.",
    "Card {card} was reported stolen by {fullname} at {time}.",
    "{titled} prescribed the medication on {date}; the pharmacy is on {street}.",
    "Will {last} attend the hearing on {date}?",
    "The account holder {fullname} asked to change the phone number to {phone}.",
    "{fullname} (née {last:1}) was married in {city} on {date}.",
    "{person}, {age}, of {city}, was taken to {org} after the crash.",
    "Dear diary, today I finally met {first} at the cafe on {street}.",
    "{fullname} pleaded not guilty at {city} Magistrates' Court on {date}.",
    "The account was opened in the name of {fullname} using the email address {email} and a prepaid card {card}.",
    "{person} lives with her partner {person:1} in a small flat at {fulladdress}.",
    "During the audit we found that {user} had shared the key {apikey} in a chat with {person}.",
    "The parcel addressed to {fullname}, {fulladdress}, was returned to the sender.",
    "{first} was last seen on {when} wearing a blue jacket.",
    "Interview with {fullname}, head of research at {org}, conducted in {city} on {date}.",
    "Her LinkedIn profile lists {org} and {org:1} as former employers.",
    "{person} can be reached on {phone} during office hours.",
    "The DHCP server leased {ip} to the device {mac} owned by {fullname}.",
    "Applicant {fullname} (SSN {ssn}) listed {fulladdress} as current address.",
    "The camera with MAC address {mac} was found in the storage room.",
    "Network logs show the device {mac} connected at {time}.",
    "The fraudster used the IBAN {iban} to receive the funds.",
    "Salary is paid monthly into account {iban}.",
    "The stolen card, number {card}, was used twice in {city}.",
    "A payment of {amount} was made with card {card}.",
    "Her Social Security number, {ssn}, appears on the tax return.",
    "The form listed SSN {ssn} for the deceased.",
    "Traffic from {ip} was blocked after repeated attempts.",
    "The attacker connected from {ip} using stolen credentials.",
    "Write to {email} for a copy of the report.",
    "Her personal email, {email}, was listed in the leaked database.",
    "The patient, aged {age}, was referred by the family doctor.",
]

# Issue 13: narrative biography and news, reviews, clinical and legal notes, lists of names,
# titles next to names, national, PO-box and military addresses, standalone postcodes, years
# and ages in prose, organisations with legal suffixes, handles, URLs, NRP and AGE.
POSITIVE_V2 = [
    # biography and obituaries
    "{fullname} was born in {yr:born} in {city} and moved to {city:1} at the age of {age:kidn}.",
    "Born in {city} in {yr:born}, {person} studied law at {org} and joined {legalorg} in {yr}.",
    "{fullname} (born {dob}) is {nrp:nata} {job} and the founder of {legalorg}.",
    "{fullname} died peacefully at home on {date}, aged {age}. Born in {city}, {first} worked for {org} for thirty years.",
    "Early life: {first} grew up in {city}, the youngest of four, and left school at {age:teen} to work in a bakery.",
    "At {age} {first} joined the army; by {age} {first} was running a platoon.",
    "{person} has lived in {city} since {yr} and has taught at {org} since {yr}.",
    "{fullname}, {nrp:nata} novelist, published her first book in {yr} and her second with {legalorg} in {yr}.",
    "The {nrp:rel} community leader {fullname} died on {date} at the age of {age}.",
    "{fullname} is survived by {first:1}, {first:2} and {first:3}.",
    "After graduating from {org} in {yr}, {person} worked at {legalorg} in {city} until {yr}.",
    "{first} retired from {org} in {yr} and now lives near {city} with {first:1}.",
    # news
    "{age:adja} man from {city} has been charged after a crash on the A{num}, police said.",
    "{age:adja} woman was taken to {org} after a fire at {address}.",
    "Police in {city} said {fullname}, {age}, was last seen on {date} near {street}.",
    "{ranked} of the {city} police department said the driver, {age:adja} from {city:1}, was not injured.",
    "{nrp:nat} climber {fullname}, {age}, reached the summit on {date}.",
    "Senator {fullname}, {nrp:pola} from {state}, voted against the bill on {date}.",
    "The {nrp:pol} councillor {fullname} and the {nrp:pol} candidate {fullname:1} both lost their seats.",
    "{legalorg} said its chief executive, {fullname}, would step down at the end of the year.",
    "{legalorg} was fined {amount} after a spill near {city}, the regulator said.",
    "{legalorg} acted for {legalorg:1} on the sale of its stake in {legalorg:2}.",
    "Shares in {legalorg} rose after {fullname} was named chair on {date}.",
    "The mayor of {city}, {fullname}, unveiled the new memorial on {date}.",
    "Firefighters rescued {age:kida} boy and his grandmother, {age}, from a flat in {city}.",
    "{fullname}, {age}, of {fulladdress}, was remanded in custody to appear at {city} Crown Court on {date}.",
    "The {nrp:nat} national {fullname} was detained at {city} airport on {date}.",
    "{fullname}, {nrp:nata} refugee aged {age}, arrived in {city} in {yr}.",
    "WANTED FOR QUESTIONING: {fullname}, {age}, LAST SEEN IN {city}.",
    "Happy birthday to our colleague {fullname}, who turns {age} on {date}!",
    # reviews, forum and social posts
    "Review: we stayed four nights at {org} in {city}. {first} at the front desk sorted out our late check-in. Five stars.",
    "Two stars. The courier from {legalorg} left my parcel in the rain and the driver, {first}, never rang the bell.",
    "i ordered from {legalorg} on {date} and nothing came, emailed {email} three times and got no answer",
    "{fullname} ({handle}) reviewed the headphones for {org}: solid bass, weak mic, 3.5 out of 5.",
    "The account {user} posted the leaked screenshots, and {user:1} shared them within minutes.",
    "On the forum, user {user} wrote that the bill would pass; user {user:1} said it may not.",
    "Thanks {handle} and {handle:1} for the early reviews!",
    "Reach the author at {handle} or on her website, {url:person}.",
    "{fullname} keeps her portfolio at {url:person} and answers messages within a day.",
    "Podcast notes: guest {fullname} talks about her first book; links at {url} and on {handle}.",
    "Tickets for the fair are at {url}; volunteers should reply to {titled}.",
    "The phishing text told {fullname} to verify the account at {url} before midnight.",
    "More about {legalorg} at {url}.",
    "my landlord {fullname} still hasn't fixed the boiler at {address} and it's been three weeks",
    # clinical notes
    "Clinical note: {age:yo} {sex}, {nrp:rel}, presents with knee pain for 3 weeks. Seen by Dr {last}.",
    "pt is {age:adja} {nrp:rel} {sexword} referred by {titled} at {org}.",
    "Referral: Mr {fullname}, {age}, retired postman, lives alone at {fulladdress}; daughter {first:1} visits most weekends.",
    "PATIENT {fullname}, {age:old}, ADMITTED VIA A&E WITH SHORTNESS OF BREATH. HX OF COPD SINCE {yr}.",
    "Discharge summary: {titled} (DOB {dob}) was discharged on {date} to the care of Dr {last:1} at {org}.",
    "The infant, now {age:kid}, was seen at {org} on {date}.",
    "{first}'s grandson {first:1} turned {age:kid} last week.",
    "Pt {fullname}, {age:yo}, {nrp:nat} national, interpreter requested.",
    # legal notes and notices
    "The claimant, {fullname}, {nrp:nata} citizen residing at {fulladdress}, alleges unfair dismissal by {legalorg}.",
    "The tenancy agreement between {fullname} and {legalorg} runs from {date} at {amount} a month.",
    "Witness statement of {fullname}, aged {age}, of {fulladdress}.",
    "The testator, {fullname}, leaves the house to {first:1} and the savings to {org}.",
    "NOTICE OF HEARING: {fullname} V. {legalorg}, CASE NO. {order}, SET FOR {date}",
    "TO WHOM IT MAY CONCERN: {fullname} HAS BEEN EMPLOYED BY {legalorg} SINCE {yr}.",
    "Under {statute}, {legalorg} must notify {fullname} within 30 days.",
    "The court heard that {fullname}, a {nrp:rel} shopkeeper, was assaulted outside {address}.",
    # lists of names, titles next to names
    "The committee heard from {namelist} before lunch.",
    "Present: {namelist}. Apologies: {last:1}.",
    "Cast, in order of appearance: {namelist}.",
    "Signed by {namelist}.",
    "Thanks to {namelist} for the cake, and to {legalorg} for the chairs.",
    "{last} scored twice before half-time and {last:1} added a third.",
    "{ranked} chaired the panel, with {ranked:1} and {ranked:2}.",
    "Letters for {ranked} should go to {military} until the rotation ends in {month_p}.",
    "{ranked}, {org}, signed the permit.",
    "The {nrp:rel} missionaries, Elder {fullname} and Elder {fullname:1}, knocked on every door in {city}.",
    "{ranked}, the {nrp:rel} chaplain, led the service.",
    "{fullname} and {fullname:1} opened the batting, and {first:2} took three wickets.",
    "{fullname} has been {nrp:pola} supporter since her student days in {city}.",
    "A practising {nrp:rel}, {fullname} fasts during Ramadan and works nights at {legalorg}.",
    "{fullname}, who is {nrp:rel}, asked that the exam be moved.",
    "The film stars {fullname} as {nrp:nata} chef and {fullname:1} as her {nrp:nat} landlord.",
    # addresses in national, PO-box and military layouts, standalone postcodes
    "Please send the signed forms to:\n{postblock}",
    "{ranked}\n{postblock}",
    "Orders placed by {fullname} with {org} were delivered to {pobox}.",
    "The farmhouse at {pobox} has been in the {last} family since {yr}.",
    "Mail for {fullname} goes to {military} while the ship is deployed.",
    "She gave her postcode as {postcode} and asked whether the clinic still covered it.",
    "The clinic asked for a postcode, so {fullname} gave {postcode}.",
    "Postcode: {postcode}",
    "{fullname} wrote {citystzip} on the form but forgot the street line.",
    "{fullname}\n{legalorg}\n{addrblock}",
    "The new tenant, {fullname}, moves into {fulladdress} on {date}.",
    "{fullname} lives at {fulladdress} with her parents.",
    "Inspection booked for {fulladdress}; the owner, {fullname}, will meet the inspector there.",
    # usernames in paths and domains
    "The audit log shows {domuser} signed in at the lobby kiosk after hours.",
    "Ask IT to reset the password for {domuser}; {first} has been locked out since the migration.",
    "Her files were under {userpath} and were copied to a USB stick.",
    "The shared drive lists {userpath} as the source of the leaked spreadsheet.",
    "{fullname} ({user} on the intranet) requested access for the team on {date}.",
    "{fullname}, {nrp:nata} expat in {city}, runs {legalorg} and posts recipes as {handle}.",
    "The full ruling in the case brought by {fullname} is published at {url}.",
    "{fullname}'s website, {url:person}, lists {legalorg} and {org} as clients.",
    "A fake page at {url} asked {fullname} for the card number.",
]

NEGATIVE = [
    "The {product} launch was delayed by two weeks due to supply issues.",
    "Prices rose sharply this summer as demand outpaced supply.",
    "The committee may grant an extension if the bill passes.",
    "Version {version} fixes a memory leak introduced in the previous release.",
    "Mark the boxes clearly and store them in a dry place.",
    "The {placeword} won first prize at the county fair.",
    "The report covers {percent} of all orders, including order {order}.",
    "Bob haircuts are back in style, according to stylists.",
    "Will this change affect existing customers? It may, in rare cases.",
    "Case {order} was closed after review by the compliance team.",
    "The average response time dropped to {duration} after the upgrade.",
    "A rose by any other name would smell as sweet.",
    "The new policy will take effect once the board signs off.",
    "Store the {product} at room temperature and away from direct sunlight.",
    "Shipments with tracking numbers such as {badcard} are delayed.",
    "The build hash {gitsha} was tagged as the release candidate.",
    "Each request carries an id like {uuid} for tracing.",
    "Sales of {placeword} grew by {percent} last quarter.",
    "Grant funding covers travel, equipment and {percent} of salaries.",
    "The system logs every event with a timestamp such as {ts}.",
    "Frank discussions about the budget are expected.",
    "The hospital added {num} beds to the emergency ward.",
    "Please read the attached terms before signing.",
    "Version {version} was released on {plaindate}.",
    "The office will be closed on {plaindate} for the public holiday.",
    "Quarterly figures will be published on {plaindate}.",
    "Employee ID {empid} has been deactivated by the system.",
    "The bill was signed into law after months of debate.",
    "The June release adds dark mode and faster sync.",
    "Summer berries are best eaten fresh.",
    "Rising costs may force the council to grant fewer permits.",
    "The museum will reopen after renovation.",
    "Over {percent} of respondents said they would buy the {product} again.",
    "The recipe calls for {placeword} and fresh herbs.",
    "Error {errcode} was traced to a misconfigured load balancer.",
]

# Prose hard negatives of issue 13: holidays, numbered and counted lists, statute and section
# numbers, dotted numbers, countdowns, nationality words on things, ages of things, durations,
# capitalised common nouns at sentence start and may/bill/june/summer/mark/will as words.
NEGATIVE_V2 = [
    "{holiday} falls on a Thursday this year, so most offices will close until the Monday after.",
    "{holiday} traffic is expected to peak on Wednesday evening.",
    "{holiday}, {holiday} and {holiday} are now listed as floating holidays in the staff handbook.",
    "The shop is closed on {holiday} and opens late on {holiday}.",
    "{holiday} sales start Friday; the fireworks are on the 4th.",
    "We stopped taking orders for {holiday} delivery on the 18th.",
    "Happy {holiday} from all of us!",
    "HAPPY NEW YEAR FROM ALL OF US! THE OFFICE REOPENS ON 2 JANUARY.",
    "Step 1. Remove the four screws on the back panel.\nStep 2. Lift the cover.\nStep 3. Replace the fuse and reassemble.",
    "1. Preheat the oven.\n2. Mix the flour and butter.\n3. Bake for {num} minutes.",
    "Top five reasons to visit: 1. the food 2. the beaches 3. the trams 4. the prices 5. the people.",
    "Three things to bring: your ID, proof of address and two passport photos.",
    "Top 10 albums of the year, counted down: 10. Glass Harbour, 9. Low Tide, 8. Summer Static, 7. Paper Crowns.",
    "Please list: 1) your full name 2) your date of birth 3) the last four digits of your account.",
    "Under {statute} and {statute}, the motion to dismiss was granted in part.",
    "{statute} was amended in {year}, and paragraph {dotted} of the guidance now reads differently.",
    "Pursuant to {statute}, the controller may rely on legitimate interests.",
    "The appeal turns on {statute}; see also {statute}.",
    "See section {dotted} of the manual and table {dotted}.",
    "The counter read {dotted} before the display froze, and the firmware was rolled back to {dotted}.",
    "Clause {dotted} applies to all contracts signed after {year}.",
    "{countdown}, and the rocket cleared the tower.",
    "The pilot counted down {countdown} and the stopwatch started.",
    "{countdown}... happy new year!",
    "{natthing}, {natthing} and {natthing}: the festival has everything except parking.",
    "The {natthing} shrank for a second quarter while {natthing} rose {percent}.",
    "Tickets for the {natthing} evening are on sale now.",
    "The bridge is {num} years old and needs repairs; the oldest house on the street is over 200 years old.",
    "{duration_yrs}, {duration_yrs} and {duration_yrs}: that was the whole of the offer.",
    "Applicants need {duration_yrs}, a clean licence and at least 2 references.",
    "Version {num} of the app shipped with {num} new features, and the build is {num} days old.",
    "The shelter took in {objage} and {objage} on Monday.",
    "At the auction, {objage} sold for {amount}.",
    "The survey found that {percent} of people aged 18 to 24 had never written a cheque.",
    "Suitable for ages 3 and up. Contains small parts.",
    "Nursing note: obs stable, BP 128/84, HR {num}, SpO2 97%. Plan: review at 10.",
    "Dose: 2.5 mg twice daily for 14 days, then 5 mg once daily; patient is 3 days post-op.",
    "The company was founded in {year} and has {num} employees in 14 countries.",
    "In the 1990s the plant employed 4,000 people; it closed in {year}.",
    "you may find the june issue thin: a summer reading list, a piece on the parking bill and a recipe that will mark nobody's calendar.",
    "Mark the box if the bill is paid; you may leave the rest blank.",
    "Will the jury accept the evidence? Mark my words, the bill for this trial will be enormous.",
    "May brings the first cricket matches and June the long evenings.",
    "Summer hours start after {holiday}, and Bill Pay will be down over the long weekend.",
    "Oh will you wait for me till June, when summer rain is done; I'll mark the days and sing them one by one.",
    "Sunny days and Grace notes, Hope on the radio, Faith in the morning: the album's titles are all virtues.",
    "Rose petals, Iris bulbs and Violet syrup were on sale, next to a stall selling Summer Berry jam.",
    "Frank, Earnest and Patience are the three dogs in the story, and none of them will sit.",
    "The bill, introduced in May, would mark the first change to the law since {year}.",
    "Grant applications close in June; a summer school will follow.",
    "The Year 9 trip costs {amount}, and Class 7B meets in room {num}.",
    "Winter, Spring and Summer collections are all in the sale.",
    "Chapter {num} opens in the summer of 1943, when the war is in its fourth year.",
]


# --- issue 17: prose breadth where prose leaks ----------------------------------------------

_UNIT_WORDS = ("Apt.", "Apt", "Apartment", "Suite", "Ste.", "Unit", "Flat", "#", "Room", "Floor")


def _unit(ctx: Context) -> str:
    """A flat, suite or unit designator (`Apt. 4B`, `Suite 210`, `Flat 3`, `#12`)."""
    rng = ctx.rng
    word = rng.choice(_UNIT_WORDS)
    number = str(rng.randint(1, 999)) if rng.random() < 0.7 else f"{rng.randint(1, 30)}{rng.choice('ABCDEF')}"
    return f"{word}{'' if word == '#' else ' '}{number}"


@slot("unitaddr", "STREET_ADDRESS")
def slot_unit_address(ctx: Context, arg: str) -> Pieces:
    """A street line with its flat or suite, one span (`12 Elm Street, Apt. 4B`; `Suite 210, 400 Main St`)."""
    street = street_line(ctx)
    unit = _unit(ctx)
    if any(word in street.split() for word in ("Apt", "Apt.", "Suite", "Unit", "#")):
        return [(street, "STREET_ADDRESS")]  # Faker's street already names its flat or suite
    if ctx.chance(0.2):
        return [(f"{unit}, {street}", "STREET_ADDRESS")]
    return [(f"{street}{',' if ctx.chance(0.7) else ''} {unit}", "STREET_ADDRESS")]


@slot("unit", "STREET_ADDRESS")
def slot_unit(ctx: Context, arg: str) -> Pieces:
    """A flat or suite named alone, part of an address in context (`moved into Apt. 4B`)."""
    return [(_unit(ctx), "STREET_ADDRESS")]


POSITIVE_V3 = [
    # address parts
    "{fullname} moved out of {unitaddr} on {date}.",
    "Deliveries for {first} should go to {unitaddr}, not the main office.",
    "The leak started in {unit} and spread to the flat below, said {fullname}.",
    "{titled} now sees patients at {unitaddr}, {citystzip}.",
    "Please forward my mail to {unitaddr} from now on. Thanks, {first}",
    "The landlord, {legalorg}, owns {unit} and {unit:1} in the same building.",
    "{fullname} lists {unitaddr} as her correspondence address.",
    "Our office has moved to {unitaddr} in {city}.",
    "Knock on {unit}; {first} will let you in.",
    # postcodes alone
    "Delivery is free for postcodes such as {postcode}; {first} lives just outside the zone.",
    "{first} typed {postcode} into the store locator and found nothing nearby.",
    "Customers in {postcode} reported the outage first.",
    "The survey form asked only for a postcode, and {fullname} wrote {postcode}.",
    "Zip code {postcode} was on the label, but the rest of the address had been torn off.",
    # places
    "{fullname} commutes from {city} to {city:1} every weekday.",
    "The family left {country} in {yr} and settled in {city}, {state}.",
    "After two years in {loc}, {first} moved back to {city}.",
    "{person} spent the summer of {yr} walking from {city} to {city:1}.",
    "She was raised in {state} and now lives outside {city}.",
    "Their wedding took place in {city}, {country}, on {date}.",
    # dates and years tied to people and events
    "{fullname} joined the board in {yr} and stepped down in {month_p}.",
    "The accident happened on {date}, when {first} was driving home from {org} after a late shift.",
    "{first} has been a member of the club since {yr}.",
    "Between {yr} and {yr:1}, {fullname} ran the {city} office of {legalorg} with two partners.",
    "{fullname} was hired on {date} and promoted in {month_p}.",
    "{first} last visited the clinic on {date} and is due back {when}.",
    "The graduation ceremony for {fullname} is at {org} on {date}.",
    "On {date} {titled} filed the complaint with {org} in person.",
    # organisations
    "{fullname} left {legalorg} for a role at {org} in {yr}.",
    "{first} volunteers with {org} and sits on the board of {legalorg} as treasurer.",
    "The complaint against {legalorg} was filed by {fullname}, a former employee.",
    "{first} studied at {org} before joining {legalorg} as a trainee.",
    "{legalorg} hired {fullname} as chief financial officer on {date}.",
    # web addresses next to people and events
    "{fullname} shared the fundraiser page {url} with the {city} group.",
    "The booking confirmation sent to {first} links to {url} for changes.",
]

NEGATIVE_V3 = [
    "The building has {num} flats and a shared garden.",
    "Suite numbers are shown on the directory in the lobby.",
    "The apartment block was built in {year} and renovated twice.",
    "Postcodes in the north of the county are being renumbered.",
    "The annual report is due at the end of the quarter.",
    "Unit tests cover {percent} of the code base.",
    "The city council meets on the first Tuesday of each month.",
]


# Share of prose examples written all in lower case (chat-like notes) or ALL CAPS (notices).
LOWER_SHARE = 0.06
UPPER_SHARE = 0.04


def compose(ctx: Context, positive: bool) -> Builder:
    """Three to seven sentences, as one paragraph or a few; a few all lower or upper case."""
    sentences: List[Builder] = units(ctx, SPEC, positive, 3, 7, 0.5)
    out = join(sentences, lambda: " " if ctx.rng.random() < 0.8 else "\n\n")
    x = ctx.rng.random()
    if x < LOWER_SHARE:
        return out.recase(str.lower)
    if x < LOWER_SHARE + UPPER_SHARE:
        return out.recase(str.upper)
    return out


SPEC = GenreSpec(
    name=NAME,
    weight=0.18,
    positives=make_templates(NAME, "pos", POSITIVE) + make_templates(NAME, "pos2", POSITIVE_V2)
    + make_templates(NAME, "pos3", POSITIVE_V3),
    negatives=make_templates(NAME, "neg", NEGATIVE) + make_templates(NAME, "neg2", NEGATIVE_V2)
    + make_templates(NAME, "neg3", NEGATIVE_V3),
)
SPEC.compose = compose
