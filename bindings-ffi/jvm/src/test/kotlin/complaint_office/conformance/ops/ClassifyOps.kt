package complaint_office.conformance.ops

import complaint_office.Labels
import complaint_office.Language
import complaint_office.category
import complaint_office.conformance.*
import complaint_office.departmentOf
import complaint_office.suggest

object ClassifyOps {
    private fun label(labels: Labels, language: Language): String = when (language) {
        Language.ZH_HANT -> labels.zhHant
        Language.ZH_HANS -> labels.zhHans
        Language.EN -> labels.en
    }

    private fun labels(l: Labels) = mapOf("zh_hant" to l.zhHant, "zh_hans" to l.zhHans, "en" to l.en)

    fun run(op: String, input: Input): Any? {
        val policy = input.policy()
        val language = policy.language()
        return when (op) {
            "classify.suggest" -> suggest(policy, input.str("text")).map {
                mapOf(
                    "category" to it.category.code,
                    "label" to label(it.category.labels, language),
                    "department" to it.category.department,
                    "confidence" to it.confidence,
                    "hits" to it.hits,
                    "matched" to it.matched.map { m -> mapOf("word" to m.word, "count" to m.count) },
                )
            }
            "classify.category" -> {
                val code = input.str("code")
                val category = category(policy, code)
                val department = departmentOf(policy, code)
                mapOf(
                    "code" to category.code,
                    "labels" to labels(category.labels),
                    "department" to mapOf("code" to department.code, "labels" to labels(department.labels)),
                )
            }
            else -> unknownOp(op)
        }
    }
}
