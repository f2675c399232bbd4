"""schema.org data (JSON-LD) for the college's programmes and FAQs, from what their pages show."""

from jeiweb.seo.structured_data import SCHEMA, institute_reference


def credentials(programme, degrees):
    """The degree of each university (as staff entered it), or the programme's one award."""
    if degrees:
        return [
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "degree",
                "name": degree.name,
                "recognizedBy": {
                    "@type": "CollegeOrUniversity",
                    "name": str(degree.get_university_display()),
                },
            }
            for degree in degrees
        ]
    return {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "degree",
        "name": programme.get_award_display(),
        "recognizedBy": [
            {"@type": "CollegeOrUniversity", "name": str(name)} for name in programme.awarding_universities
        ],
    }


def programme(request, programme, degrees=None):
    """A programme as an EducationalOccupationalProgram, with what its page says of it."""
    degrees = programme.degrees if degrees is None else degrees
    data = {
        "@context": SCHEMA,
        "@type": "EducationalOccupationalProgram",
        "name": programme.title,
        "description": programme.summary,
        "url": request.build_absolute_uri(programme.get_absolute_url()),
        "educationalLevel": programme.get_level_display(),
        "educationalCredentialAwarded": credentials(programme, degrees),
        "programPrerequisites": programme.get_entry_route_display(),
        "provider": institute_reference(request),
    }
    if programme.duration_months:
        data["timeToComplete"] = programme.duration_iso
    if programme.places:
        data["maximumEnrollment"] = programme.places
    if programme.has_tuition:
        data["offers"] = {
            "@type": "Offer",
            "category": "Tuition",
            "price": str(programme.tuition_amount),
            "priceCurrency": programme.tuition_currency,
            "description": str(programme.tuition_display),
        }
    for field, name in (
        ("application_opens", "applicationStartDate"),
        ("application_closes", "applicationDeadline"),
        ("starts_on", "startDate"),
    ):
        if getattr(programme, field):
            data[name] = getattr(programme, field).isoformat()
    return data


def faq_page(request, faqs, url):
    """Questions and answers as a schema.org FAQPage (one Question with its acceptedAnswer each)."""
    return {
        "@context": SCHEMA,
        "@type": "FAQPage",
        "url": request.build_absolute_uri(url),
        "mainEntity": [
            {
                "@type": "Question",
                "name": faq.question,
                "acceptedAnswer": {"@type": "Answer", "text": faq.answer},
            }
            for faq in faqs
        ],
    }


def person(request, person):
    """A person as schema.org's Person, with their university (and school) as affiliation."""
    university = {"@type": "CollegeOrUniversity", "name": str(person.get_university_display())}
    data = {
        "@context": SCHEMA,
        "@type": "Person",
        "name": person.name,
        "url": request.build_absolute_uri(person.get_absolute_url()),
        "affiliation": university,
        "worksFor": university,
    }
    if person.other_name:
        data["alternateName"] = person.other_name
    if person.title:
        data["honorificPrefix" if person.get_current_language() == "en" else "honorificSuffix"] = person.title
    if person.position:
        data["jobTitle"] = person.position
    if person.school_id and person.school:
        data["affiliation"] = [
            university,
            {"@type": "Organization", "name": person.school.name, "parentOrganization": university},
        ]
    if person.photo_id and person.photo:
        data["image"] = request.build_absolute_uri(person.photo.url)
    if person.email:
        data["email"] = person.email
    if person.profile_url:
        data["sameAs"] = [person.profile_url]
    return data
