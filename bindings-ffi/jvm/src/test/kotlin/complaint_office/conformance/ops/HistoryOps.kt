package complaint_office.conformance.ops

import complaint_office.ChainHash
import complaint_office.ChainedEvent
import complaint_office.ComplaintOfficeException
import complaint_office.Event
import complaint_office.chainHistory
import complaint_office.conformance.*
import complaint_office.replayVerified
import complaint_office.verifyHistory

object HistoryOps {
    fun run(op: String, input: Input): Any? = when (op) {
        "history.link" -> {
            val events = input.list("events").map { Event.fromJson(Json.write(it)) }
            chainHistory(events).map { mapOf("canonical" to it.event, "hash" to it.hash.toHex()) }
        }
        "history.verify" -> {
            val stored = storedHistory(input)
            val head = headOf(input)
            try {
                val verified = verifyHistory(stored, head)
                mapOf("valid" to true, "head" to verified.toHex(), "length" to stored.size.toLong())
            } catch (e: ComplaintOfficeException.History) {
                if (e.code() != "history.chain_broken" && e.code() != "history.head_mismatch") throw e
                mapOf("valid" to false, "code" to e.code(), "index" to e.index()?.toLong())
            }
        }
        "history.replay" -> {
            val case = replayVerified(input.policy(), storedHistory(input), headOf(input))
            mapOf("status" to case.status().toString(), "number" to case.number()?.toString(), "version" to case.eventCount())
        }
        else -> unknownOp(op)
    }

    /** The history as a store keeps it: each event's JSON text with its hash. */
    private fun storedHistory(input: Input): List<ChainedEvent> = input.list("history").map { entry ->
        val e = entry as? Map<*, *> ?: throw VectorError("vector.not_an_object:history")
        ChainedEvent(Json.write(e.field("event")), ChainHash.fromHex(e.str("hash")))
    }

    private fun headOf(input: Input): ChainHash? =
        if (input.containsKey("head")) ChainHash.fromHex(input.str("head")) else null
}
