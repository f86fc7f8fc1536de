package complaint_office

import complaint_office.conformance.Json
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.io.File

/**
 * The closed vocabularies (issue 17 item 1): each Kotlin enum is generated from the core's
 * `vocabulary!` declaration by tools/boundary, which writes the same declarations to
 * `tests/api/vocabularies.json`. Every enum the file names for UniFFI has the core's values in
 * order, each printing its wire name.
 */
class VocabulariesTest {
    private val declared = (Json.parse(File(DocPage.repoRoot(), "tests/api/vocabularies.json").readText()) as Map<*, *>)
        .let { it["vocabularies"] as List<*> }
        .map { it as Map<*, *> }
        .filter { it["ffi"] != null }

    @Test
    fun `every generated enum has the core's values in order, printed as their wire names`() {
        assertTrue(declared.size > 40, "the vocabularies are listed")
        for (vocabulary in declared) {
            val name = vocabulary["ffi"] as String
            val cls = Class.forName("complaint_office.$name")
            assertTrue(cls.isEnum, "$name is an enum")
            val wire = (vocabulary["values"] as List<*>).map { (it as Map<*, *>)["name"] }
            assertEquals(wire, cls.enumConstants.map { it.toString() }, name)
        }
    }
}
