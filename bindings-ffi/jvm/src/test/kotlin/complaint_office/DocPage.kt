package complaint_office

import java.io.ByteArrayOutputStream
import java.io.File
import java.io.PrintStream

/**
 * A documentation page whose code blocks are regions of a test source file (issue 23 item 9).
 *
 * In the page, a block is announced by `<!-- region: NAME -->` and followed, when it prints,
 * by a ` ```text ` block with exactly what it prints. In the test source, the same code sits
 * between `// region NAME` and `// endregion`. [check] fails when a block and its region
 * differ, when a region has no block or a block no region; the test running the region then
 * compares what it printed with [output].
 */
class DocPage(relativePath: String, private val source: File) {
    val file = File(repoRoot(), relativePath)
    private val text = file.readText()

    /** NAME -> (language, code, printed text or null), in page order. */
    val blocks: Map<String, Triple<String, String, String?>> = Regex(
        """<!-- region: ([\w-]+) -->\s*```(\w+)\n(.*?)\n```(?:\s*(?:It prints|Output)[^\n]*:\s*```text\n(.*?)\n```)?""",
        RegexOption.DOT_MATCHES_ALL,
    ).findAll(text).associate { m ->
        m.groupValues[1] to Triple(m.groupValues[2], m.groupValues[3], m.groups[4]?.value)
    }

    /** NAME -> the region's code, its common indentation removed. */
    val regions: Map<String, String> = Regex(
        """^[ \t]*// region ([\w-]+)\n(.*?)\n[ \t]*// endregion""",
        setOf(RegexOption.DOT_MATCHES_ALL, RegexOption.MULTILINE),
    ).findAll(source.readText()).associate { m -> m.groupValues[1] to m.groupValues[2].trimIndent() }

    /** The problems, empty when every block is its region verbatim. */
    fun check(prefix: String): List<String> = buildList {
        val mine = regions.filterKeys { it.startsWith(prefix) }
        for ((name, block) in blocks) {
            if (block.first != "kotlin" && block.first != "java") continue
            val region = mine[name]
            if (region == null) add("${file.name}: block $name has no region in ${source.name}")
            else if (region != block.second.trimIndent()) add("${file.name}: block $name differs from its region:\n--- page\n${block.second}\n--- test\n$region")
        }
        for (name in mine.keys) if (name !in blocks) add("${file.name}: region $name of ${source.name} is not on the page")
    }

    /** What the page says block NAME prints. */
    fun output(name: String): String =
        blocks[name]?.third ?: error("${file.name}: block $name has no ```text block of its output")

    companion object {
        fun repoRoot(): File = File(System.getProperty("repo.root") ?: "../..")

        fun testSource(name: String): File =
            File(repoRoot(), "bindings-ffi/jvm/src/test/kotlin/complaint_office/$name")

        /** Runs [block] and returns what it printed on standard output (also saved under target/doc-output). */
        fun printed(name: String, block: () -> Unit): String {
            val buffer = ByteArrayOutputStream()
            val saved = System.out
            System.setOut(PrintStream(buffer, true, Charsets.UTF_8))
            try { block() } finally { System.setOut(saved) }
            val out = buffer.toString(Charsets.UTF_8).trimEnd()
            File("target/doc-output").mkdirs()
            File("target/doc-output/$name.txt").writeText(out + "\n")
            return out
        }
    }
}
