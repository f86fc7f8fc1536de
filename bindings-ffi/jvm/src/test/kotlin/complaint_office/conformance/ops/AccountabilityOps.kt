package complaint_office.conformance.ops

import complaint_office.ResponsibilityAssessment
import complaint_office.conformance.*
import complaint_office.decideDiscipline
import complaint_office.disciplineTable
import complaint_office.parseConsequence
import complaint_office.parseFault
import complaint_office.parseResponsibility

object AccountabilityOps {
    fun run(op: String, input: Input): Any? {
        val policy = input.policy()
        return when (op) {
            "accountability.decide" -> {
                val assessment = ResponsibilityAssessment(
                    responsibility = parseResponsibility(input.str("responsibility")),
                    fault = parseFault(input.str("fault")),
                    consequence = parseConsequence(input.str("consequence")),
                )
                val decision = decideDiscipline(policy, assessment)
                mapOf("level" to decision.level.toString(), "sanctions" to decision.sanctions.map { it.toString() })
            }
            "accountability.table" -> disciplineTable(policy).map {
                mapOf(
                    "responsibility" to it.assessment.responsibility.toString(),
                    "fault" to it.assessment.fault.toString(),
                    "consequence" to it.assessment.consequence.toString(),
                    "level" to it.level.toString(),
                )
            }
            else -> unknownOp(op)
        }
    }
}
