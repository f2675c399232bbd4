"""schema.org data (JSON-LD) for the college's programmes, from what their pages show."""

from jeiweb.structured_data import SCHEMA, institute_reference


def programme(request, programme):
    """A programme as an EducationalOccupationalProgram, with what its page says of it."""
    data = {
        "@context": SCHEMA,
        "@type": "EducationalOccupationalProgram",
        "name": programme.title,
        "description": programme.summary,
        "url": request.build_absolute_uri(programme.get_absolute_url()),
        "educationalLevel": programme.get_level_display(),
        "educationalCredentialAwarded": {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "degree",
            "name": programme.get_award_display(),
            "recognizedBy": [
                {"@type": "CollegeOrUniversity", "name": str(name)}
                for name in programme.awarding_universities
            ],
        },
        "programPrerequisites": programme.get_entry_route_display(),
        "provider": institute_reference(request),
    }
    if programme.duration_years:
        data["timeToComplete"] = f"P{programme.duration_years}Y"
    if programme.places:
        data["maximumEnrollment"] = programme.places
    return data
