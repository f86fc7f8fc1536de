from complaint_office import privacy


def mask(input):
    return privacy.mask(input["kind"], input["value"])


def visibility(input):
    return privacy.visibility(input["role"], input["field"])


def view(input):
    data = privacy.PersonalData()
    for field, value in input["data"].items():
        data.set(field, value)
    return data.view(input["role"]).to_dict()


OPS = {"privacy.mask": mask, "privacy.visibility": visibility, "privacy.view": view}
