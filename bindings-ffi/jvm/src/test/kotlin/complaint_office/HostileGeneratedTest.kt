package complaint_office

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File
import java.lang.reflect.Executable
import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Method
import java.lang.reflect.Modifier
import java.lang.reflect.ParameterizedType
import java.lang.reflect.Type
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.YearMonth
import java.time.ZoneOffset

/**
 * The generated hostile-input suite (issue 16, "Everywhere"): every public function of the
 * package (its file facades) and every public constructor, companion function and method of
 * every public type the PublicTypesTest walk finds, called by reflection with hostile values
 * of each parameter's type — strings with lone surrogates, a planted phone and a 1 MiB
 * string; Long/Int extremes and -1 (which an unsigned parameter reads as its maximum); NaN
 * and infinities; dates and instants at java.time's extremes and with a sub-minute offset;
 * records whose every string holds those strings; empty and hostile lists — one position at a
 * time, the other parameters plausible.
 *
 * Every throw must be a ComplaintOfficeException with a dotted code and a message without the
 * planted values; anything else (a bare JVM exception, a crash) fails this test. Kotlin's own
 * null checks are not tried: the type system refuses null before the binding sees it.
 */
class HostileGeneratedTest {
    private val phone = "13912345678"
    private val name = "張三豐"
    private val at: OffsetDateTime = OffsetDateTime.parse("2025-09-26T10:00:00+08:00")
    private val huge = "x".repeat(1 shl 20) + phone
    private val received = """{"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
        "complainant_kind": "customer", "name": "$name", "contact": "$phone", "content": "$name $phone"}"""
    private val registered = """{"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}"""
    private val csv = "number,received_at,channel,category,department,severity,closed_at,satisfied\n" +
        "25010001,2025-01-02 09:00:00,hotline,product_quality,quality,general,2025-01-04 09:00:00,true\n"

    private val hostileStrings = listOf("\uD800$phone", "$name\uDFFF", phone, "$name $phone", huge, "",
        "[".repeat(15_000), """{"a": ${"[".repeat(200)}""")

    /** Instances of the package's classes, made with real calls: the pool parameters draw on. */
    private val pool: List<Any> by lazy {
        val policy = Policy()
        val case = Case.replay(policy, listOf(Event.fromJson(received), Event.fromJson(registered)))
        val ledger = Ledger.fromCsv(csv, defaultCsvOptions(), policy)
        listOf(
            policy, PolicySet(listOf(policy)), Calendar.cn(), case, Event.fromJson(received),
            Caseload.fromCases(listOf(case)), ledger, Report.build(ledger, ReportOptions(Granularity.MONTH, null, null), policy),
            ComplaintNumber.parse("25090001"), Duration.parse("15 days"), NumberSequences.fromIssued(listOf()),
            NumberAllocator(ZoneOffset.ofHours(8)), ChainHash.genesis(), disciplineTable(policy), DisciplineTable(),
        ) + eventsFromJsonTyped("[$received, $registered]") + chainHistory(listOf(Event.fromJson(received)))
    }

    private fun isPackageType(c: Class<*>) = c.packageName == "complaint_office"

    /** A plausible value of a type, or null when none can be made. */
    private fun plausible(type: Type, depth: Int = 0): Any? {
        val raw = rawClass(type)
        return when {
            raw == String::class.java -> "x"
            raw == java.lang.Long.TYPE || raw == java.lang.Long::class.java -> 1L
            raw == Integer.TYPE || raw == Integer::class.java -> 1
            raw == java.lang.Short.TYPE || raw == java.lang.Short::class.java -> 1.toShort()
            raw == java.lang.Byte.TYPE || raw == java.lang.Byte::class.java -> 1.toByte()
            raw == java.lang.Double.TYPE || raw == java.lang.Double::class.java -> 1.0
            raw == java.lang.Float.TYPE || raw == java.lang.Float::class.java -> 1.0f
            raw == java.lang.Boolean.TYPE || raw == java.lang.Boolean::class.java -> false
            raw == ByteArray::class.java -> "x".toByteArray()
            raw == OffsetDateTime::class.java -> at
            raw == LocalDate::class.java -> LocalDate.of(2025, 9, 26)
            raw == ZoneOffset::class.java -> ZoneOffset.ofHours(8)
            raw == YearMonth::class.java -> YearMonth.of(2025, 9)
            raw == java.time.Duration::class.java -> java.time.Duration.ofHours(1)
            List::class.java.isAssignableFrom(raw) -> listOf<Any>()
            Map::class.java.isAssignableFrom(raw) -> mapOf<Any, Any>()
            raw.isEnum -> raw.enumConstants.first()
            else -> pool.firstOrNull { raw.isInstance(it) } ?: if (depth < 4 && isPackageType(raw)) record(raw, depth) { t -> plausible(t, depth + 1) } else null
        }
    }

    /** A record (data class) of the package built from its primary constructor. */
    private fun record(raw: Class<*>, depth: Int, value: (Type) -> Any?): Any? {
        if (Modifier.isAbstract(raw.modifiers) || raw.isInterface) {
            return null
        }
        val ctor = raw.constructors.filter { c -> c.parameterTypes.none { it.name.contains("DefaultConstructorMarker") } }
            .maxByOrNull { it.parameterCount } ?: return null
        val args = ctor.genericParameterTypes.map { value(it) ?: return null }
        return runCatching { ctor.newInstance(*args.toTypedArray()) }.getOrNull()
    }

    /** Hostile values of a type (none for types that have none). */
    private fun hostile(type: Type, depth: Int = 0): List<Any> {
        val raw = rawClass(type)
        return when {
            raw == String::class.java -> hostileStrings
            raw == java.lang.Long.TYPE || raw == java.lang.Long::class.java -> listOf(Long.MAX_VALUE, Long.MIN_VALUE, -1L, 0L)
            raw == Integer.TYPE || raw == Integer::class.java -> listOf(Int.MAX_VALUE, Int.MIN_VALUE, -1, 0)
            raw == java.lang.Short.TYPE || raw == java.lang.Short::class.java -> listOf(Short.MAX_VALUE, Short.MIN_VALUE, (-1).toShort())
            raw == java.lang.Byte.TYPE || raw == java.lang.Byte::class.java -> listOf(Byte.MAX_VALUE, Byte.MIN_VALUE, (-1).toByte())
            raw == java.lang.Double.TYPE || raw == java.lang.Double::class.java ->
                listOf(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, 1.5, 1e300)
            raw == java.lang.Float.TYPE || raw == java.lang.Float::class.java -> listOf(Float.NaN, Float.POSITIVE_INFINITY, -1.0f)
            raw == ByteArray::class.java -> listOf(ByteArray(0), kotlin.random.Random(16).nextBytes(100_000), "$name $phone".toByteArray())
            raw == OffsetDateTime::class.java -> listOf(OffsetDateTime.MAX, OffsetDateTime.MIN,
                OffsetDateTime.of(1971, 1, 1, 12, 0, 0, 1, ZoneOffset.ofTotalSeconds(-2670)))
            raw == LocalDate::class.java -> listOf(LocalDate.MAX, LocalDate.MIN, LocalDate.of(1, 1, 1))
            raw == ZoneOffset::class.java -> listOf(ZoneOffset.MAX, ZoneOffset.MIN, ZoneOffset.ofTotalSeconds(-2670))
            raw == YearMonth::class.java -> listOf(YearMonth.of(java.time.Year.MAX_VALUE, 12), YearMonth.of(java.time.Year.MIN_VALUE, 1), YearMonth.of(0, 1))
            raw == java.time.Duration::class.java -> listOf(java.time.Duration.ofSeconds(Long.MAX_VALUE), java.time.Duration.ofSeconds(-1))
            List::class.java.isAssignableFrom(raw) -> {
                val element = (type as? ParameterizedType)?.actualTypeArguments?.firstOrNull()
                val items = if (element != null && depth < 2) hostile(element, depth + 1).take(3) else listOf()
                listOfNotNull(items.takeIf { it.isNotEmpty() }, element?.let { e -> plausible(e)?.let { p -> List(10_000) { p } } })
            }
            depth < 3 && isPackageType(raw) && !raw.isEnum && pool.none { raw.isInstance(it) } ->
                // A record with every string, number and date of it hostile, one kind at a time.
                hostileStrings.take(5).mapNotNull { s ->
                    record(raw, depth) { t -> if (rawClass(t) == String::class.java) s else plausible(t, depth + 1) }
                }
            else -> listOf()
        }
    }

    private fun rawClass(type: Type): Class<*> = when (type) {
        is Class<*> -> type
        is ParameterizedType -> type.rawType as Class<*>
        is java.lang.reflect.WildcardType -> rawClass(type.upperBounds.first())
        else -> Any::class.java
    }

    /** The callables: package functions, constructors, companion functions and methods. */
    private fun callables(): List<Pair<String, Executable>> {
        val facades = File("target/classes/complaint_office").listFiles { f -> f.name.endsWith("Kt.class") }!!
            .map { Class.forName("complaint_office." + it.name.removeSuffix(".class")) }
        val out = mutableListOf<Pair<String, Executable>>()
        val skip = setOf("equals", "hashCode", "toString", "close", "destroy", "copy", "uniffiClonePointer",
            "uniffiCloneHandle", "callWithPointer", "callWithHandle", "describeContents", "writeToParcel", "use",
            "main")
        fun add(owner: String, m: Executable) {
            val n = m.name.substringBefore('-')
            if (Modifier.isPublic(m.modifiers) && !m.isSynthetic && n !in skip && !n.startsWith("component") &&
                !n.startsWith("uniffi") && !n.startsWith("access$") && !n.contains("\$default")) {
                out.add("$owner.${m.name}" to m)
            }
        }
        for (f in facades) f.declaredMethods.filter { Modifier.isStatic(it.modifiers) }.forEach { add(f.simpleName, it) }
        for (t in publicApiTypes()) {
            if (Throwable::class.java.isAssignableFrom(t)) continue
            t.constructors.filter { c -> c.parameterTypes.none { it.name.contains("DefaultConstructorMarker") || it.name.contains("NoPointer") || it.name.contains("NoHandle") || it.name.contains("jna") } && c.parameterCount > 0 }
                .forEach { add(t.simpleName, it) }
            t.declaredMethods.filter { !Modifier.isStatic(it.modifiers) }.forEach { add(t.simpleName, it) }
            runCatching { t.getField("Companion").get(null) }.getOrNull()?.let { companion ->
                companion.javaClass.declaredMethods.forEach { add("${t.simpleName}.Companion", it) }
            }
        }
        return out
    }

    private fun receiver(m: Executable): Any? = when {
        m is Method && Modifier.isStatic(m.modifiers) -> null
        m is Method && m.declaringClass.simpleName == "Companion" -> m.declaringClass.enclosingClass.getField("Companion").get(null)
        m is Method -> pool.firstOrNull { m.declaringClass.isInstance(it) } ?: plausible(m.declaringClass)
        else -> null
    }

    private fun invoke(m: Executable, target: Any?, args: List<Any?>): Any? = when (m) {
        is Method -> m.invoke(target, *args.toTypedArray())
        is java.lang.reflect.Constructor<*> -> m.newInstance(*args.toTypedArray())
        else -> null
    }

    /** What is wrong with a throw, if anything. */
    private fun fault(e: Throwable): String? {
        if (e !is ComplaintOfficeException) return "uncoded ${e.javaClass.name}: ${e.message?.take(160)}"
        if (!Regex("""^[a-z]+\.[a-z_]+$""").matches(e.code())) return "bad code ${e.code()}"
        val text = "${e.message} ${e.key()}"
        if (listOf(phone, name, "\uD800", "\uDFFF", "x".repeat(64)).any { text.contains(it) }) {
            return "${e.code()}: the message shows a planted value"
        }
        return null
    }

    @Test
    fun `every public function and method, with hostile values in every position, throws only coded errors without planted values`() {
        val all = callables()
        val faults = mutableSetOf<String>()
        var tried = 0
        var skipped = 0
        for ((label, m) in all) {
            val types = m.genericParameterTypes
            val target = receiver(m)
            if (m is Method && !Modifier.isStatic(m.modifiers) && target == null) {
                skipped++
                continue
            }
            val base = types.map { plausible(it) }
            if (types.isEmpty()) {
                // Getters and other methods without parameters, on the pool's instances.
                tried++
                try {
                    invoke(m, target, listOf())
                } catch (e: InvocationTargetException) {
                    fault(e.targetException)?.let { faults.add("$label(): $it") }
                }
            }
            for (i in types.indices) {
                for (h in hostile(types[i])) {
                    if (base.withIndex().any { (j, v) -> j != i && v == null }) {
                        skipped++
                        continue
                    }
                    tried++
                    try {
                        invoke(m, target, base.toMutableList().also { it[i] = h })
                    } catch (e: InvocationTargetException) {
                        fault(e.targetException)?.let { faults.add("$label(${types[i].typeName.substringAfterLast('.')} #$i): $it") }
                    } catch (e: IllegalArgumentException) {
                        // A value reflection could not pass (a boxed type mismatch): not a call.
                        tried--
                        skipped++
                    }
                }
            }
        }
        println("hostile-generated (JVM): ${all.size} callables, $tried calls, $skipped combinations without a value, ${faults.size} faults")
        assertTrue(all.size > 200, "only ${all.size} callables found: the walk lost the package")
        assertTrue(tried > 2_000, "only $tried calls")
        assertEquals(listOf<String>(), faults.toList().sorted().take(40), "${faults.size} faults")
        // The library still answers.
        assertTrue(Calendar.cn().isWorkingDay(LocalDate.of(2025, 10, 11)))
    }

    @Test
    fun `the check notices an uncoded throw (it can fail)`() {
        assertTrue(fault(IllegalStateException("x"))!!.startsWith("uncoded"))
        val e = runCatching { Policy.fromToml("[") }.exceptionOrNull()!!
        assertEquals(null, fault(e))
    }
}
