import complaint_office as co


def parse(input):
    d = co.Duration.parse(input["text"])
    return {"amount": d.amount, "unit": d.unit}


def format(input):
    return str(co.Duration(input["amount"], input["unit"]))


OPS = {"duration.parse": parse, "duration.format": format}
