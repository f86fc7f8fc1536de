package complaint_office.conformance.ops

import complaint_office.ComplainantKind
import complaint_office.Complaint
import complaint_office.Contact
import complaint_office.IntakeReport
import complaint_office.checkIntake
import complaint_office.conformance.*
import complaint_office.formatInstant
import complaint_office.intakeEmail
import complaint_office.parseChannel
import complaint_office.parseComplainantKind
import complaint_office.parseInstant

object IntakeOps {
    fun run(op: String, input: Input): Any? = when (op) {
        "intake.check" -> reportJson(checkIntake(input.policy(), complaintOf(input.field("complaint"))))
        "intake.contact" -> Contact.parse(input.str("text")).let {
            mapOf("kind" to it.kind().toString(), "normalized" to it.asStr())
        }
        "intake.email" -> {
            val policy = input.policy()
            val message = input.base64("message_base64")
            val kind = if (input.containsKey("complainant_kind")) {
                parseComplainantKind(input.str("complainant_kind"))
            } else {
                ComplainantKind.CUSTOMER
            }
            val intake = intakeEmail(policy, message, kind)
            val c = intake.complaint
            mapOf(
                "complaint" to mapOf(
                    "channel" to c.channel.toString(),
                    "complainant_kind" to c.complainantKind.toString(),
                    "name" to c.name,
                    "contact" to c.contact,
                    "received_at" to c.receivedAt?.let { formatInstant(it) },
                    "content" to c.content,
                    "subject" to c.subject,
                ),
                "received_from" to intake.receivedFrom?.toString(),
                "attachments" to intake.attachments.map { mapOf("name" to it.name, "size" to it.size) },
                "findings" to intake.findings.map { mapOf("code" to it.code.toString(), "part" to it.part.toString()) },
                "report" to reportJson(intake.report),
            )
        }
        else -> unknownOp(op)
    }

    private fun reportJson(report: IntakeReport): Map<String, Any?> = mapOf(
        "admissible" to report.admissible,
        "complete" to report.complete,
        "missing" to report.missing.map { it.toString() },
        "violations" to report.violations.map {
            mapOf("code" to it.code, "clause" to it.clause, "field" to it.field?.toString())
        },
        "requests" to report.requests.map { mapOf("field" to it.field.toString(), "code" to it.code) },
        "contact_kind" to report.contactKind?.toString(),
    )

    /** The complaint object of a case, built field by field the way a host fills the type. */
    fun complaintOf(value: Any?): Complaint {
        val obj = value as? Map<*, *> ?: throw VectorError("vector.not_an_object:complaint")
        val keys = setOf("channel", "complainant_kind", "name", "contact", "received_at", "content", "subject")
        obj.keys.firstOrNull { it !in keys }?.let { throw VectorError("vector.bad_value:complaint.$it") }
        val channel = parseChannel(obj.str("channel"))
        val kind = parseComplainantKind(obj.str("complainant_kind"))
        fun text(key: String): String? = when (val v = obj[key]) {
            null -> null
            is String -> v
            else -> throw VectorError("vector.not_a_string:$key")
        }
        val receivedAt = text("received_at")?.let { parseInstant(it) }
        return Complaint(channel, kind, text("name"), text("contact"), receivedAt, text("content"), text("subject"))
    }
}
