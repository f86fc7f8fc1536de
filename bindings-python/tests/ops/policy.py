import complaint_office as co


def load(input):
    if "toml" in input and "json" not in input:
        policy = co.Policy.from_toml_str(input["toml"])
    elif "json" in input and "toml" not in input:
        value = input["json"]
        policy = co.Policy.from_json_str(value) if isinstance(value, str) else co.Policy.from_json_value(value)
    else:
        raise ValueError("vector needs exactly one of toml, json")
    return policy.to_json_value()


OPS = {"policy.load": load}
