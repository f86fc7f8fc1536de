package complaint_office.conformance.ops

import complaint_office.Policy
import complaint_office.conformance.*

object PolicyOps {
    fun run(op: String, input: Input): Any? = when (op) {
        "policy.load" -> {
            val toml = input["toml"]
            val json = input["json"]
            val policy = when {
                input.containsKey("toml") && !input.containsKey("json") && toml is String -> Policy.fromToml(toml)
                !input.containsKey("toml") && input.containsKey("json") && json is String -> Policy.fromJson(json)
                !input.containsKey("toml") && input.containsKey("json") -> Policy.fromJson(Json.write(json))
                else -> throw VectorError("vector.missing_input:toml|json")
            }
            Json.parse(policy.toJson())
        }
        else -> unknownOp(op)
    }
}
