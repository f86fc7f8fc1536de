package complaint_office.conformance.ops

import complaint_office.Policy
import complaint_office.QueueKey
import complaint_office.TriageAssessment
import complaint_office.assess
import complaint_office.conformance.*
import complaint_office.parseComplexity
import complaint_office.parseSeverity
import complaint_office.parseUrgency
import complaint_office.queueOrder

object TriageOps {
    private fun assessOf(policy: Policy, input: Input): TriageAssessment {
        val severity = parseSeverity(input.str("severity"))
        val urgency = parseUrgency(input.str("urgency"))
        val complexity = parseComplexity(input.str("complexity"))
        return assess(policy, severity, urgency, complexity)
    }

    fun run(op: String, input: Input): Any? {
        val policy = input.policy()
        return when (op) {
            "triage.assess" -> assessOf(policy, input).let {
                mapOf("emergency" to it.emergency, "track" to it.track.toString(), "priority" to it.priority.toLong())
            }
            "triage.order" -> {
                val cases = input.list("cases")
                val ids = mutableListOf<String>()
                val keys = mutableListOf<QueueKey>()
                for (case in cases) {
                    val c = case as? Map<*, *> ?: throw VectorError("vector.not_an_object:cases")
                    ids.add(c.str("id"))
                    keys.add(QueueKey(assessOf(policy, c), c.instant("received_at")))
                }
                queueOrder(keys).map { i ->
                    mapOf("id" to ids[i.toInt()], "sort_key" to keys[i.toInt()].sortKey())
                }
            }
            else -> unknownOp(op)
        }
    }
}
