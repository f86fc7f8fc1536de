package complaint_office

import complaint_office.conformance.Json
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.lang.reflect.Method
import java.lang.reflect.Modifier

/**
 * The parity check (issue 17 item 3): the generated Kotlin against `tests/api/surface.json`.
 *
 * The list names the public API once, in the core's snake_case names. This test reads what the
 * compiled package really has by reflection: the public types of `target/classes` (the same
 * walk as [PublicTypesTest]), each class's public methods and its companion's (UniFFI's named
 * constructors), each record's properties (its getters), the top-level functions of the file
 * facade, and the areas of `ComplaintOfficeException`. It fails naming every name the list has
 * that Kotlin lacks and every name Kotlin has that the list lacks, unless the list's
 * `exceptions.kotlin` table names it with a reason. Kotlin's rule: camelCase, class names
 * identical, error areas in PascalCase (`number` → `ComplaintOfficeException.Number`).
 */
class ParityTest {
    private val surface = Json.parse(File(DocPage.repoRoot(), "tests/api/surface.json").readText()) as Map<*, *>
    private val exceptions = (surface["exceptions"] as Map<*, *>)["kotlin"] as Map<*, *>

    data class Found(val functions: MutableSet<String>, val types: MutableMap<String, Set<String>?>, val errors: Set<String>)

    @Test
    fun `the generated Kotlin has exactly what tests-api-surface_json lists`() {
        val lines = differences(exported())
        assertTrue(lines.isEmpty(), "Kotlin differs from tests/api/surface.json:\n  " + lines.joinToString("\n  "))
    }

    @Test
    fun `the check names a missing member and an extra function`() {
        val found = exported()
        found.types["Case"] = found.types["Case"]!! - "apply"
        found.functions.add("unlistedFunction")
        val lines = differences(found)
        assertTrue("missing Case.apply" in lines, lines.joinToString("\n"))
        assertTrue("extra function unlistedFunction (not in surface.json)" in lines, lines.joinToString("\n"))
    }

    @Test
    fun `every error area raises its own exception class`() {
        val e = runCatching { ComplaintNumber.parse("23130001") }.exceptionOrNull()
        assertEquals("Number", e!!.javaClass.simpleName)
        assertEquals("number.invalid_month", (e as ComplaintOfficeException.Number).code)
    }

    /** The events of the vector "the whole life of a general complaint" (tests/vectors/case.json). */
    private fun life(): List<Event> {
        val groups = Json.mapper.readTree(File(DocPage.repoRoot(), "tests/vectors/case.json"))
        val case = groups.first { it["op"].asText() == "case.replay" }["cases"]
            .first { it["name"].asText() == "the whole life of a general complaint" }
        return case["input"]["events"].map { Event.fromJson(Json.mapper.writeValueAsString(it)) }
    }

    @Test
    fun `Case decisions pairs each finding with its discipline`() {
        val policy = Policy()
        val case = Case.replay(policy, life())
        val decisions = case.decisions()
        assertEquals(case.findings(), decisions.map { it.finding })
        assertEquals("s-09", decisions.single().finding.subject)
        assertEquals(decide(policy, decisions.single().finding), decisions.single().decision)
        assertEquals(emptyList<FindingDecision>(), Case.replay(policy, life().take(3)).decisions())
    }

    @Test
    fun `Schedule overdue and running, ComplianceReport violations and findings`() {
        val case = Case.replay(Policy(), life().take(2))
        for (now in listOf("2025-11-04T09:00:00+08:00", "2025-12-20T09:00:00+08:00")) {
            val s = case.schedule(java.time.OffsetDateTime.parse(now))
            assertEquals(s.stages.filter { it.state == SlaState.OVERDUE }, s.overdue)
            assertEquals(s.stages.filter { it.state in setOf(SlaState.OPEN, SlaState.DUE_SOON, SlaState.OVERDUE) }, s.running)
            val report = case.compliance(java.time.OffsetDateTime.parse(now))
            assertEquals(report.checks.filter { it.result == CheckResult.VIOLATION }, report.violations)
            assertEquals(report.checks.filter { it.result == CheckResult.FINDING }, report.findings)
        }
        val late = case.schedule(java.time.OffsetDateTime.parse("2025-12-20T09:00:00+08:00"))
        assertTrue(late.overdue.any { it.stage == Stage.PLAN })
        val report = case.compliance(java.time.OffsetDateTime.parse("2025-12-20T09:00:00+08:00"))
        assertTrue(report.violations.any { it.rule == "plan_on_time" })
    }

    @Test
    fun `Event clause and Duration isDayBased`() {
        assertEquals("§2.2.1", life().first().clause())
        assertTrue(Duration.parse("5 working days").isDayBased())
        assertTrue(!Duration.parse("4 working hours").isDayBased())
    }

    /** What the compiled package has, in Kotlin names. */
    private fun exported(): Found {
        val types = mutableMapOf<String, Set<String>?>()
        val functions = mutableSetOf<String>()
        val loader = ParityTest::class.java.classLoader
        for (cls in publicApiTypes()) {
            if (cls.name.contains('$')) continue // variants of sealed types: events, errors
            types[cls.simpleName] = if (cls.isEnum) null else members(cls)
        }
        // An enum with data is an abstract sealed class (which the walk above leaves out, as
        // it cannot be made): a type the list names is checked with what every variant has,
        // its own methods and the fields of its variants.
        val listed = (surface["types"] as Map<*, *>).keys.map { (it as String).substringAfter('.') }.toSet()
        val compiled = File("target/classes/complaint_office")
        for (file in compiled.listFiles { f -> f.name.endsWith(".class") && !f.name.contains('$') }!!) {
            val cls = Class.forName("complaint_office." + file.name.removeSuffix(".class"), false, loader)
            if (cls.simpleName !in listed || cls.isInterface || !Modifier.isAbstract(cls.modifiers)) continue
            val variants = cls.declaredClasses.filter { cls.isAssignableFrom(it) && Modifier.isPublic(it.modifiers) }
            if (variants.isEmpty()) continue
            types[cls.simpleName] = members(cls) + variants.flatMap { members(it) }
        }
        // The top-level functions: public static methods of the file facades (`…Kt`).
        val dir = File("target/classes/complaint_office")
        for (file in dir.listFiles { f -> f.name.endsWith("Kt.class") && !f.name.contains('$') }!!) {
            val facade = Class.forName("complaint_office." + file.name.removeSuffix(".class"), false, loader)
            for (m in facade.declaredMethods) {
                if (Modifier.isPublic(m.modifiers) && Modifier.isStatic(m.modifiers) && !m.isSynthetic && !m.name.contains('$')) {
                    functions.add(m.name)
                }
            }
        }
        val errors = ComplaintOfficeException::class.java.declaredClasses
            .filter { ComplaintOfficeException::class.java.isAssignableFrom(it) }
            .map { snake(it.simpleName) }.toSet()
        return Found(functions, types, errors)
    }

    private fun members(cls: Class<*>): Set<String> {
        val names = mutableSetOf<String>()
        fun add(m: Method) {
            if (!Modifier.isPublic(m.modifiers) || m.isSynthetic || m.isBridge || m.name.contains('$')) return
            // A data class's own plumbing: `componentN` and the setters of its `var` fields.
            if (isRecord(cls) && Regex("^(component[0-9]+|set[A-Z].*)$").matches(m.name)) return
            val property = Regex("^(get|is)([A-Z].*)$").find(m.name)
            names.add(
                if (property != null && m.parameterCount == 0 && isRecord(cls)) {
                    property.groupValues[2].replaceFirstChar { it.lowercase() }
                } else {
                    m.name
                },
            )
        }
        cls.declaredMethods.filter { !Modifier.isStatic(it.modifiers) }.forEach(::add)
        cls.declaredClasses.firstOrNull { it.simpleName == "Companion" }?.declaredMethods?.forEach(::add)
        return names
    }

    /** A UniFFI record is a data class: it has `component1`. */
    private fun isRecord(cls: Class<*>) = cls.declaredMethods.any { it.name == "component1" }

    private fun camel(name: String) = Regex("_([a-z0-9])").replace(name) { it.groupValues[1].uppercase() }

    /** `NotFound` → `not_found`: an error class's area. */
    private fun snake(name: String) = name.replace(Regex("(?<=[a-z0-9])([A-Z])"), "_$1").lowercase()

    @Suppress("UNCHECKED_CAST")
    private fun table(name: String) = (exceptions[name] as Map<String, Any?>?) ?: emptyMap()

    private fun renamed(key: String, fallback: String) =
        ((table("renamed")[key] as Map<*, *>?)?.get("name") as String?) ?: fallback

    /** Every difference, one line each; empty when Kotlin is at parity with the list. */
    private fun differences(found: Found): List<String> {
        val absent = table("absent").keys
        val extra = table("extra").keys
        val idioms = table("idioms").keys
        val wantFunctions = (surface["functions"] as List<*>).map { it as String }
            .filter { it !in absent }.map { renamed(it, camel(it.substringAfterLast('.'))) }.toSet()
        val wantTypes = mutableMapOf<String, Set<String>?>()
        for ((name, spec) in surface["types"] as Map<*, *>) {
            name as String
            if (name in absent) continue
            val members = (spec as Map<*, *>)["members"] as List<*>?
            wantTypes[renamed(name, name.substringAfter('.'))] = members?.map { it as String }?.filter { "$name.$it" !in absent }
                ?.map { renamed("$name.$it", camel(it)) }?.toSet()
        }
        val wantErrors = ((surface["errors"] as Map<*, *>)["areas"] as Map<*, *>).keys.map { it as String }
            .filter { "errors.$it" !in absent }.toSet()
        val lines = mutableListOf<String>()
        (wantFunctions - found.functions).sorted().forEach { lines.add("missing function $it") }
        // `parseSeverity(name)`: each vocabulary's parser (enums have no static factory in UniFFI).
        val parsers = found.types.filterValues { it == null }.keys.map { "parse$it" }.toSet()
        (found.functions - wantFunctions - extra - parsers - idioms).sorted().forEach { lines.add("extra function $it (not in surface.json)") }
        for ((t, w) in wantTypes.toSortedMap()) {
            if (t !in found.types) { lines.add("missing type $t"); continue }
            val f = found.types[t]
            if (w == null || f == null) continue
            (w - f).sorted().forEach { lines.add("missing $t.$it") }
            (f - w - idioms).filter { "$t.$it" !in extra }.sorted().forEach { lines.add("extra $t.$it (not in surface.json)") }
        }
        (found.types.keys - wantTypes.keys - extra).sorted().forEach { lines.add("extra type $it (not in surface.json)") }
        (wantErrors - found.errors).sorted().forEach { lines.add("missing error area $it") }
        (found.errors - wantErrors).filter { "errors.$it" !in extra }.sorted().forEach { lines.add("extra error area $it (not in surface.json)") }
        return lines
    }
}
