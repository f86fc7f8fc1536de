// Reading a case's input into the binding's types: the same edge parsing the Rust runner
// (tests/conformance/src/input.rs) does, through the library's own parse functions so that a
// bad value gets the library's code.
package complaint_office.conformance

import complaint_office.Duration
import complaint_office.Policy
import complaint_office.parseDate
import complaint_office.parseInstant
import java.time.LocalDate
import java.time.OffsetDateTime

typealias Input = Map<*, *>


fun inputOf(value: Any?): Input = value as? Map<*, *> ?: emptyMap<String, Any?>()

fun Input.field(key: String): Any? =
    if (containsKey(key)) get(key) else throw VectorError("vector.missing_input:$key")

fun Input.str(key: String): String = field(key) as? String ?: throw VectorError("vector.not_a_string:$key")

fun Input.long(key: String): Long = when (val v = field(key)) {
    is Long -> v
    is Int -> v.toLong()
    else -> throw VectorError("vector.not_an_integer:$key")
}

fun Input.bool(key: String): Boolean = field(key) as? Boolean ?: throw VectorError("vector.not_a_bool:$key")

fun Input.list(key: String): List<*> = field(key) as? List<*> ?: throw VectorError("vector.not_an_array:$key")

fun Input.date(key: String): LocalDate = parseDate(str(key))

fun Input.instant(key: String): OffsetDateTime = parseInstant(str(key))

fun Input.duration(key: String): Duration = Duration.parse(str(key))

/** Standard base64 (RFC 4648), padding optional, as the Rust runner reads it: bytes JSON cannot carry. */
fun Input.base64(key: String): ByteArray {
    val text = str(key).trimEnd('=')
    return try {
        java.util.Base64.getDecoder().decode(text + "=".repeat((4 - text.length % 4) % 4))
    } catch (e: IllegalArgumentException) {
        throw VectorError("vector.bad_base64:$key")
    }
}

/** `input.policy` as a policy file in JSON form, or the default policy. */
fun Input.policy(): Policy = if (containsKey("policy")) Policy.fromJson(Json.write(get("policy"))) else Policy()

/** Clamps a vector's integer into an Int the way the Rust runner clamps into the core's types. */
fun Long.clampToInt(): Int = if (this in Int.MIN_VALUE..Int.MAX_VALUE) toInt() else Int.MAX_VALUE

fun unknownOp(op: String): Nothing = throw VectorError("vector.unknown_op:$op")
