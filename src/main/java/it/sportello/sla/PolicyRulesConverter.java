package it.sportello.sla;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/** Keeps a policy's rules as one JSON document: they are read and written whole, never queried. */
@Converter
class PolicyRulesConverter implements AttributeConverter<PolicyRules, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(PolicyRules rules) {
        return JSON.writeValueAsString(rules);
    }

    @Override
    public PolicyRules convertToEntityAttribute(String json) {
        return JSON.readValue(json, PolicyRules.class);
    }
}
