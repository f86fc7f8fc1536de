package complaint_office.conformance.ops

import complaint_office.Approval
import complaint_office.ArchiveFile
import complaint_office.ArchivedDocument
import complaint_office.ComplaintNumber
import complaint_office.ComplaintOfficeException
import complaint_office.archiveFileCheckComplete
import complaint_office.archiveFileMissingDocuments
import complaint_office.archiveFileSingleFormDocuments
import complaint_office.conformance.*
import complaint_office.expiryWith
import complaint_office.mayDestroyWith
import complaint_office.parseDate
import complaint_office.parseDocument
import complaint_office.sweep

object ArchiveOps {
    fun run(op: String, input: Input): Any? {
        val policy = input.policy()
        return when (op) {
            "archive.expiry" -> {
                val archivedOn = input.date("archived_on")
                val period = input.duration("period")
                expiryWith(policy.calendar(), archivedOn, period).lastDay.toString()
            }
            "archive.may_destroy" -> {
                val archivedOn = input.date("archived_on")
                val period = input.duration("period")
                val on = input.date("on")
                val legalHold = input.bool("legal_hold")
                // Without `approved_on` the approval is on record from the archive date.
                val approvedOn = if (input.bool("leadership_approved")) {
                    if (input.containsKey("approved_on")) input.date("approved_on") else archivedOn
                } else {
                    null
                }
                val decision = mayDestroyWith(policy.calendar(), period, archivedOn, approvedOn, legalHold, on)
                mapOf("allowed" to decision.allowed, "reason" to decision.reason?.code())
            }
            "archive.completeness" -> {
                val file = fileOf(input.field("file"))
                val complete = try {
                    archiveFileCheckComplete(file)
                    true
                } catch (e: ComplaintOfficeException) {
                    false
                }
                mapOf(
                    "complete" to complete,
                    "missing" to archiveFileMissingDocuments(file).map { it.toString() },
                    "single_form" to archiveFileSingleFormDocuments(file).map { it.toString() },
                )
            }
            "archive.sweep" -> {
                val on = input.date("on")
                val files = input.list("files").map { fileOf(it) }
                sweep(policy, files, on).map {
                    mapOf(
                        "number" to it.number.toString(),
                        "expires_on" to it.expiresOn.toString(),
                        "provisional" to it.provisional,
                        "status" to it.status.toString(),
                        "reason" to it.reason?.code(),
                    )
                }
            }
            else -> unknownOp(op)
        }
    }

    /** An archive file object, read field by field the way a host builds one. */
    private fun fileOf(value: Any?): ArchiveFile {
        val obj = value as? Map<*, *> ?: throw VectorError("vector.not_an_object:file")
        val known = setOf("number", "archived_on", "documents", "legal_hold", "approval")
        obj.keys.firstOrNull { it !in known }?.let { throw VectorError("vector.unknown_key:$it") }
        val number = ComplaintNumber.parse(obj.str("number"))
        val archivedOn = obj.date("archived_on")
        val documents = if (obj.containsKey("documents")) {
            obj.list("documents").map { d ->
                val doc = d as? Map<*, *> ?: throw VectorError("vector.not_an_object:documents")
                fun reference(key: String): String? = when (val v = doc[key]) {
                    null -> null
                    is String -> v
                    else -> throw VectorError("vector.not_a_string:$key")
                }
                ArchivedDocument(parseDocument(doc.str("document")), reference("electronic"), reference("paper"))
            }
        } else {
            emptyList()
        }
        val legalHold = if (obj.containsKey("legal_hold")) obj.bool("legal_hold") else false
        val approval = when (val a = obj["approval"]) {
            null -> null
            else -> {
                val m = a as? Map<*, *> ?: throw VectorError("vector.not_an_object:approval")
                Approval(m.str("approved_by"), parseDate(m.str("approved_on")))
            }
        }
        return ArchiveFile(number, archivedOn, documents, legalHold, approval)
    }
}
