"""E-mails, letters and forms: multi-line text with greetings, bodies, closings, signature
blocks (name, title, company, phone), postal address blocks in national formats, and
`Field: value` forms (intake, applications, registrations).
"""
from typing import List

from ..core import Builder, Context
from .base import GenreSpec, join, make_templates, units

NAME = "email"

GREETINGS = [
    "Hi {first},", "Dear {titled},", "Hello {fullname},", "Dear {fullname},", "Hey {first}!",
    "Good morning {first},", "{first},", "Hi {first} and {first:1},", "Dear {fullname},",
    "Hallo {first},", "Bonjour {first},", "Hola {first},", "Dear Mr. and Mrs. {last},", "Hi {first} -",
    "Hi team,", "Hello,", "Dear Sir or Madam,", "To whom it may concern,", "Hi all,",
    "Good afternoon,", "Dear customer,", "Hello there,", "Dear colleagues,", "Hi everyone,",
]
CLOSINGS = [
    "Best regards,", "Kind regards,", "Thanks,", "Cheers,", "Sincerely,", "Best,", "Many thanks,",
    "Warm regards,", "Thanks in advance,", "Regards,", "Yours faithfully,", "Mit freundlichen Grüßen,",
    "Cordialement,", "Thank you,", "All the best,", "Talk soon,",
]
SIGNATURES = [
    "{fullname}\n{job}, {org}\n{phone}\n{email}",
    "{fullname}\n{job}\n{org} | {fulladdress}\nTel: {phone}",
    "{first}\n\nSent from my iPhone",
    "{fullname} | {org}\nM: {phone} | E: {email}",
    "-- \n{fullname}\n{org}\n{addrblock}",
    "{fullname}\n{job}\nDirect: {phone}\nMobile: {phone}",
    "{fullname}\nT {phone}\n{email}",
    "{titled}\n{org}",
    "{fullname}\n{org}\n{fulladdress}\nPhone: {phone}",
    "{first}",
    "{fullname}\n{job}, {org}, {city}",
    "{fullname} ({handle})\n{job}",
    "Dr. {fullname}\n{org}\nFax: {phone}",
    "{fullname}\n{addrblock}\n{phone}",
    "The {org} Team",
    "Customer Support\nSupport Team",
    "The Billing Team",
    "IT Service Desk\nAutomated notification, do not reply",
    "Sent from my iPhone",
    "HR Department",
]
LETTERHEADS = [
    "{fullname}\n{addrblock}\n\n{date}\n\n{fullname:1}\n{org}\n{addrblock:1}",
    "{org}\n{addrblock}\nTel. {phone}\n\n{city}, {date}",
    "From: {fullname} <{email}>\nTo: {fullname:1} <{email:1}>\nSubject: Re: your request",
    "From: {email}\nTo: {email:1}\nSubject: Account update",
    "From: \"{fullname}\" <{email}>\nSubject: Invoice {order}",
    "Subject: Ticket {order} updated\nFrom: no-reply@support.example.com",
    "Subject: Quarterly report\nDate: {ts}",
]
FORM_HEADERS = [
    "Patient Intake Form", "Job Application", "New Customer Registration", "Contact form submission",
    "Rental Application", "Account Opening Form", "Employee Onboarding", "Insurance Claim",
    "Visitor Log Entry", "KYC Verification", "Change of Address Request", "Warranty Registration",
    "NEW LEAD", "Booking details", "Direct Debit Mandate", "Membership Application",
]
FIELDS = [
    "Name: {fullname}", "Full name: {fullname}", "First Name: {first}", "Last Name: {last}",
    "Surname: {last}", "DOB: {dob}", "Date of Birth: {dob}", "Phone: {phone}", "Mobile: {phone}",
    "Tel.: {phone}", "Email: {email}", "E-mail: {email}", "Address: {fulladdress}",
    "Street: {street}", "City: {city}", "Country: {country}", "State: {state}", "SSN: {ssn}",
    "Social Security No.: {ssn}", "Employer: {org}", "Company: {org}", "Card Number: {card}",
    "IBAN: {iban}", "Username: {user}", "Password: {password}",
    "Emergency contact: {fullname:1} ({phone})", "Appointment: {when}", "Home address:\n{addrblock}",
    "Applicant: {last}, {first}", "NAME - {fullname}", "PHONE - {phone}", "Contact: {fullname} <{email}>",
    "Preferred contact time: {time}", "Place of birth: {city}", "Start date: {date}",
    "Account holder: {fullname}", "Bank: {org}", "Move-in date: {date}", "Twitter: {handle}",
    "Login: {user}", "Temporary PIN: {pin}", "Device MAC: {mac}", "Last login IP: {ip}",
    "Nationality: {country}", "Previous employer: {org}", "Reference: {fullname:1}, {phone}",
    "Reference: {order}", "Submitted: {ts}", "Form ID: {uuid}", "Policy number: {order}",
    "Status: pending review", "BIC: {bic}", "SWIFT/BIC: {bic}", "Employee ID: {empid}", "Customer no.: {empid}", "Age: {age}", "Priority: normal", "Source: web", "Consent: yes", "Plan: {product}",
    "Amount due: {amount}", "Channel: online", "Case: {order}", "Agent ID: {num}",
    "Religion: {nrp:rel}",
    "Political affiliation: {nrp:pol}",
    "Citizenship: {nrp:nat}",
    "Website: {url}",
    "Company: {legalorg}",
    "PO Box: {pobox}",
    "Postcode: {postcode}",
    "ZIP: {postcode}",
    "Windows login: {domuser}",
    "Age at application: {age}",
    "Mailing address: {military}",
    "LinkedIn: {url:person}",
    "Homepage: {url:person}",
]

POSITIVE = [
    "Thank you for your email. I have updated your phone number to {phone} as requested.",
    "Please find attached the invoice for {org}. Payment should be made to IBAN {iban} by {date}.",
    "Our new office is located at {fulladdress}. Parking is available behind the building.",
    "I'm writing to confirm your appointment with {titled} on {when}. Please arrive ten minutes early.",
    "Could you please send the documents to {email}? My colleague {person:1} will review them.",
    "Your account {user} was locked after several failed login attempts from {ip}. If this wasn't you, reset your password.",
    "My name is {person} and I am applying for the {job} position at {org}.",
    "I was born on {dob} in {city}, {country}, and moved to {city} as a child.",
    "Please update my billing address to {fulladdress}.",
    "The temporary password for your account is {password}. Please change it after your first login.",
    "Your new API key is {apikey}. Keep it secret and do not commit it to source control.",
    "We will wire the funds to {iban} (account holder: {fullname}) within three business days.",
    "Following our call on {date}, I'm sending over the signed contract.",
    "For the background check we need your SSN ({ssn}) and your date of birth.",
    "{first} will be out of office until {date}; please contact {person:1} at {email:1} for anything urgent.",
    "The package will be delivered to {fulladdress} between {time} and {time}.",
    "I met {first} at the conference in {city} and she recommended your firm.",
    "Please charge the deposit to card {card}, expiry 04/27.",
    "Device {mac} (hostname {host}) has been registered to {user}.",
    "Please reset the VPN credentials for {user}; the new static IP is {ip}.",
    "{titled} has referred you to our clinic in {city}.",
    "Your flight from {city} to {city} departs {when}. Your booking reference is {order}.",
    "Kindly transfer the deposit to our account at {org}, IBAN {iban}.",
    "Reach me at {phone} or {email} anytime this week.",
    "We're excited to welcome {person} to the {org} team starting {date}!",
    "As discussed, {person} (DOB {dob}, SSN {ssn}) has been added to the policy.",
    "The tenant, {fullname}, currently resides at {fulladdress}.",
    "Congratulations {first}! The whole team at {org} is proud of you.",
    "Can we reschedule our meeting to {when}? Something came up on my end.",
    "I tried calling {phone} several times but nobody answered.",
    "{person} from {org} asked me to forward this to you.",
    "Our records show that {fullname} lives at {street} and was born on {dob}.",
    "Please note my new email address: {email}. The old one will stop working soon.",
    "The lease for {address} starts on {date}; keys can be collected from {person:1}.",
    "I'm the parent of {fullname:1}, who is in your class. Please call me on {phone}.",
    "Attached is the access log: the requests came from {ip} and {ip} using the account {user}.",
    "Your verification details: username {user}, registered email {email}, phone {phone}.",
    "Ich wohne jetzt in der {fulladdress}. Meine neue Nummer ist {phone}.",
    "Je suis joignable au {phone} ou par mail à {email}.",
    "Mi dirección es {fulladdress} y mi teléfono {phone}.",
    "The GitHub token {apikey} was found in a public gist created by {handle}.",
    "Please use the following SSH key for the deploy user:\n{pem}",
    "We noticed a login to your account from {city}, {country} ({ip}) on {date}.",
    "The refund of {amount} was sent to the card ending in {cardlast4} on {date}.",
    "Hi, it's {first} again. Did you get my message about {when}?",
    "I represent {org} and would like to discuss a partnership. You can reach me at {phone}.",
    "The board has appointed {fullname} as the new CFO of {org}, effective {date}.",
    "Mr. {last} requested that all correspondence be sent to {addrblock}",
    "My employer, {org}, will send the reference directly to {email}.",
    "Can you confirm the wire? Beneficiary: {fullname}, IBAN: {iban}, Bank: {org}.",
    "Bank details for the refund:\nAccount holder: {fullname}\nIBAN: {iban}\nBIC: {bic}",
    "The meeting is on {when} at our {city} office, {street}.",
    "Password for the shared drive: {password} (please don't forward).",
    "The router at the {city} branch ({mac}) keeps rebooting; its WAN IP is {ip}.",
    "Patient {fullname} (DOB: {dob}) is scheduled for surgery on {date} with {titled:1}.",
    "Please welcome {person}, who joins us from {org}. {first} will be based in our {city} office.",
    "Your booking is confirmed:\nGuest: {fullname}\nCheck-in: {date}\nCheck-out: {date}\nHotel: {org}, {fulladdress}",
    "I'm afraid I can't make it {when}. Could {first:1} attend instead?",
    "The following user was created: {user} ({email}). Temporary password: {password}",
    "Please send the original documents by post to {addrblock}",
    "We have received your payment of {amount} from card {card}. Thank you, {first}!",
    "Mein Name ist {fullname}, geboren am {dob} in {city}.",
    "Nous avons bien reçu le virement depuis le compte {iban} au nom de {fullname}.",
    "To complete your W-4, please confirm your Social Security number ({ssn}) and home address.",
    "The SSN on file for {fullname} is {ssn}; please verify it against the original card.",
    "Your card {card} will be charged {amount} on {date}.",
    "We could not process card {card} for {fullname}. Please update your payment details.",
    "The access point ({mac}) in the {city} office was replaced; the new one has MAC {mac}.",
    "Please add the laptop {mac} of {fullname} to the allow-list.",
    "Please find attached the contract between {legalorg} and {legalorg:1}.",
    "{fullname}, {age}, has been referred to our clinic by {titled}.",
    "Our new website is live at {url}.",
    "You can book an appointment at {url} or call {phone}.",
    "The candidate, {fullname}, is {nrp:nata} national and will need a visa sponsored by {legalorg}.",
    "Please send the originals to {pobox}.",
    "Ship to:\n{fullname}\n{postblock}",
    "Your account {domuser} has been unlocked; please change your password at first login.",
    "{fullname} ({age:adj}) will join the {city} team of {legalorg} on {date}.",
    "Invoice from {legalorg}, {fulladdress}, for services rendered to {fullname}.",
]

NEGATIVE = [
    "Please find attached the quarterly report. Let me know if you have any questions.",
    "This is an automated message generated at {ts}; please do not reply.",
    "Your order {order} has shipped. Tracking number: {badcard}.",
    "Invoice {order} for {amount} is now due.",
    "The bill of materials is attached; we will grant access to the portal once approved.",
    "Please mark the ticket as resolved once the fix is deployed.",
    "Build {gitsha} passed all checks in {duration}.",
    "The {product} you ordered is back in stock.",
    "We may need another week to finish the migration to {version}.",
    "Reminder: the summer sale ends soon. Use code SAVE20 at checkout.",
    "Thanks for the update. I will review it and get back to you.",
    "The attached file ({path}) contains the error logs from {host}.",
    "Our prices rose by {percent} this quarter due to higher shipping costs.",
    "As per the policy, refunds are processed within 5-7 business days.",
    "The checksum of the release archive is {sha256}.",
    "Request {reqid} failed with status {status}; the team is investigating.",
    "Please ensure all expense reports are submitted before the end of the month.",
    "We are upgrading the {service} cluster; expect brief interruptions.",
    "Your subscription to {product} will renew automatically.",
    "Unsubscribe | Privacy policy | Terms of service",
    "The {placeword} at the team lunch was a hit.",
    "Case {order} has been escalated to tier 2 support.",
    "Please quote your customer number {empid} in all correspondence.",
    "Our offices will be closed on {plaindate}; urgent requests will be handled the next day.",
    "The new version will be released on {plaindate}.",
    "Attached you will find the minutes of the last meeting.",
    "Could you grant the finance team read access to the shared folder?",
    "The bill of lading is attached for shipment {order}.",
    "Please mark your calendars: the all-hands will be in the main auditorium.",
    "Our summer opening hours are 9:00 to 17:00, Monday to Friday.",
    "The service may be unavailable for a few minutes while we deploy {version}.",
    "Our offices will be closed for {holiday}; we reopen the next working day.",
    "Please note section {dotted} of the handbook and {statute}.",
    "Applicants should have {duration_yrs} and a clean licence.",
    "Happy {holiday} from all of us at the office!",
]


def compose(ctx: Context, positive: bool) -> Builder:
    """A letter or e-mail (greeting, bodies, closing, signature) or a form."""
    rng = ctx.rng
    if rng.random() < 0.3:
        n = rng.randint(5, 12)
        forced = rng.randrange(n)
        lines: List[Builder] = [SPEC.part(ctx, "form_header", False)]
        for i in range(n):
            with_pii = positive and (i == forced or rng.random() < 0.7)
            lines.append(SPEC.part(ctx, "field", with_pii))
        sep = "\n" if rng.random() < 0.8 else "\n\n"
        return join(lines, sep)
    blocks: List[Builder] = []
    if rng.random() < 0.35:
        blocks.append(SPEC.part(ctx, "letterhead", positive and rng.random() < 0.8))
    if rng.random() < 0.9:
        blocks.append(SPEC.part(ctx, "greeting", positive and rng.random() < 0.7))
    body = units(ctx, SPEC, positive, 2, 4, 0.5)
    blocks.append(join(body, " " if rng.random() < 0.5 else "\n\n"))
    blocks.append(SPEC.part(ctx, "closing", False))
    blocks[-1].text("\n").extend(SPEC.part(ctx, "signature", positive and rng.random() < 0.85))
    return join(blocks, "\n\n" if rng.random() < 0.7 else "\n")


SPEC = GenreSpec(
    name=NAME,
    weight=0.2,
    positives=make_templates(NAME, "pos", POSITIVE),
    negatives=make_templates(NAME, "neg", NEGATIVE),
    parts={
        "greeting": make_templates(NAME, "greeting", GREETINGS),
        "closing": make_templates(NAME, "closing", CLOSINGS),
        "signature": make_templates(NAME, "signature", SIGNATURES),
        "letterhead": make_templates(NAME, "letterhead", LETTERHEADS),
        "form_header": make_templates(NAME, "form_header", FORM_HEADERS),
        "field": make_templates(NAME, "field", FIELDS),
    },
)
SPEC.compose = compose
