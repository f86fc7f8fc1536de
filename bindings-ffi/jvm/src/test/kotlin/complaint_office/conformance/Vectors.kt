// Loading the conformance vectors (tests/vectors/*.json, or $VECTORS_DIR) and comparing
// outcomes exactly as tests/conformance/src/compare.rs does.
package complaint_office.conformance

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import java.io.File
import kotlin.math.abs
import kotlin.math.max

/** What a case expects: an output, a subset of an output object, or an error code. */
sealed class Expected {
    data class Exact(val value: Any?) : Expected()
    data class Subset(val value: Any?) : Expected()
    data class Error(val code: String) : Expected()
}

/** One case of a vector file. */
data class VectorCase(
    val file: String,
    val op: String,
    val name: String,
    val input: Any?,
    val expected: Expected,
)

/** What running a case produced: an output (JSON-like Kotlin values) or an error code. */
sealed class Outcome {
    data class Ok(val value: Any?) : Outcome()
    data class Err(val code: String) : Outcome()
}

/** A vector the runner cannot use (missing or mistyped input): a failure, never a skip. */
class VectorError(val code: String) : Exception(code)

object Json {
    val mapper = ObjectMapper()

    /** JSON text to plain values: Map, List, String, Long, Double, Boolean, null. */
    fun parse(text: String): Any? = plain(mapper.readTree(text))

    fun plain(node: JsonNode): Any? = when {
        node.isObject -> node.properties().associate { (k, v) -> k to plain(v) }
        node.isArray -> node.map { plain(it) }
        node.isTextual -> node.asText()
        node.isBoolean -> node.asBoolean()
        node.isIntegralNumber && node.canConvertToLong() -> node.asLong()
        node.isNumber -> node.asDouble()
        else -> null
    }

    /** Plain values back to JSON text (policies and events are handed over as text). */
    fun write(value: Any?): String = mapper.writeValueAsString(value)
}

object Vectors {
    /** `$VECTORS_DIR`, else the repository's tests/vectors (set by the Maven build). */
    fun dir(): File {
        val env = System.getenv("VECTORS_DIR")
        if (!env.isNullOrEmpty()) return File(env)
        val prop = System.getProperty("vectors.dir")
        if (!prop.isNullOrEmpty()) return File(prop)
        return File("../../tests/vectors")
    }

    /** Every case of every `*.json` of [dir], in file-name order; a malformed file throws. */
    fun load(dir: File = dir()): List<VectorCase> {
        val files = dir.listFiles { f -> f.isFile && f.name.endsWith(".json") }
            ?: error("cannot read ${dir.path}")
        return files.sortedBy { it.name }.flatMap { file ->
            val groups = Json.parse(file.readText()) as? List<*>
                ?: error("${file.name}: expected an array of groups")
            groups.flatMap { group ->
                group as? Map<*, *> ?: error("${file.name}: a group is not an object")
                val op = group["op"] as? String ?: error("${file.name}: a group has no op")
                val cases = group["cases"] as? List<*> ?: error("${file.name}: $op has no cases")
                cases.map { parseCase(file.name, op, it as? Map<*, *> ?: error("${file.name}: $op: a case is not an object")) }
            }
        }
    }

    private fun parseCase(file: String, op: String, case: Map<*, *>): VectorCase {
        val name = case["name"] as? String ?: error("$file: a case of $op has no name")
        val expectations = buildList {
            if (case.containsKey("expect")) add(Expected.Exact(case["expect"]))
            if (case.containsKey("expect_subset")) add(Expected.Subset(case["expect_subset"]))
            if (case.containsKey("error")) {
                add(Expected.Error(case["error"] as? String ?: error("$file: $op / $name: error must be a code")))
            }
        }
        require(expectations.size == 1) { "$file: $op / $name: needs exactly one of expect, expect_subset, error" }
        return VectorCase(file, op, name, case["input"], expectations[0])
    }
}

object Compare {
    private const val TOLERANCE = 1e-9

    /** Equality under the contract: numbers with a relative tolerance, everything else exact. */
    fun equal(want: Any?, got: Any?): Boolean = when {
        want is Number && got is Number -> {
            val integral = { n: Number -> n is Long || n is Int || n is Short || n is Byte }
            if (integral(want) && integral(got)) want.toLong() == got.toLong() else close(want.toDouble(), got.toDouble())
        }
        want is List<*> && got is List<*> -> want.size == got.size && want.zip(got).all { (a, b) -> equal(a, b) }
        want is Map<*, *> && got is Map<*, *> ->
            want.size == got.size && want.all { (k, v) -> got.containsKey(k) && equal(v, got[k]) }
        else -> want == got
    }

    /** Whether every top-level key of [want] is in [got] with an equal value. */
    fun subset(want: Any?, got: Any?): Boolean =
        if (want is Map<*, *> && got is Map<*, *>) {
            want.all { (k, v) -> got.containsKey(k) && equal(v, got[k]) }
        } else {
            equal(want, got)
        }

    private fun close(a: Double, b: Double) = a == b || abs(a - b) <= TOLERANCE * max(abs(a), abs(b))

    /** Null when the outcome meets the expectation, else a description of the mismatch. */
    fun check(expected: Expected, outcome: Outcome): String? = when (expected) {
        is Expected.Exact -> when (outcome) {
            is Outcome.Ok -> if (equal(expected.value, outcome.value)) null else "expected ${Json.write(expected.value)}\n       got ${Json.write(outcome.value)}"
            is Outcome.Err -> "expected ${Json.write(expected.value)}\n       got error ${outcome.code}"
        }
        is Expected.Subset -> when (outcome) {
            is Outcome.Ok -> if (subset(expected.value, outcome.value)) null else "expected ${Json.write(expected.value)}\n       got ${Json.write(outcome.value)}"
            is Outcome.Err -> "expected ${Json.write(expected.value)}\n       got error ${outcome.code}"
        }
        is Expected.Error -> when (outcome) {
            is Outcome.Ok -> "expected error ${expected.code}, got ${Json.write(outcome.value)}"
            is Outcome.Err -> if (outcome.code == expected.code) null else "expected error ${expected.code}, got error ${outcome.code}"
        }
    }
}
