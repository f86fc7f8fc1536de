package complaint_office.conformance.ops

import complaint_office.PersonalData
import complaint_office.PersonalField
import complaint_office.conformance.*
import complaint_office.mask
import complaint_office.parseMaskKind
import complaint_office.parsePersonalField
import complaint_office.parseRole
import complaint_office.personalDataView
import complaint_office.visibility

object PrivacyOps {
    fun run(op: String, input: Input): Any? = when (op) {
        "privacy.mask" -> {
            val kind = parseMaskKind(input.str("kind"))
            mask(kind, input.str("value"))
        }
        "privacy.visibility" -> {
            val role = parseRole(input.str("role"))
            val field = parsePersonalField(input.str("field"))
            visibility(role, field).toString()
        }
        "privacy.view" -> {
            val role = parseRole(input.str("role"))
            val view = personalDataView(dataOf(input.field("data")), role)
            personalJson(view)
        }
        else -> unknownOp(op)
    }

    /** Every personal field, in the vocabulary's order, with its value or null. */
    fun personalJson(data: PersonalData): Map<String, Any?> = mapOf(
        PersonalField.COMPLAINANT_NAME.toString() to data.complainantName,
        PersonalField.CONTACT_PHONE.toString() to data.contactPhone,
        PersonalField.CONTACT_EMAIL.toString() to data.contactEmail,
        PersonalField.ID_NUMBER.toString() to data.idNumber,
        PersonalField.CONTENT.toString() to data.content,
    )

    /** The data object: each key a personal field, each value a string or null. */
    private fun dataOf(value: Any?): PersonalData {
        val obj = value as? Map<*, *> ?: throw VectorError("vector.not_an_object:data")
        var data = PersonalData(null, null, null, null, null)
        for ((key, v) in obj) {
            val field = parsePersonalField(key as String)
            val text = when (v) {
                null -> null
                is String -> v
                else -> throw VectorError("vector.not_a_string:data.$key")
            }
            data = when (field) {
                PersonalField.COMPLAINANT_NAME -> data.copy(complainantName = text)
                PersonalField.CONTACT_PHONE -> data.copy(contactPhone = text)
                PersonalField.CONTACT_EMAIL -> data.copy(contactEmail = text)
                PersonalField.ID_NUMBER -> data.copy(idNumber = text)
                PersonalField.CONTENT -> data.copy(content = text)
            }
        }
        return data
    }
}
