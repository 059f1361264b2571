package it.sportello.sla;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Keeps a charter's standards as one JSON document: written once, read whole, never queried. */
@Converter
class StandardCharterContent implements AttributeConverter<List<StandardTerms>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(List<StandardTerms> standards) {
        return JSON.writeValueAsString(standards);
    }

    @Override
    public List<StandardTerms> convertToEntityAttribute(String json) {
        return JSON.readValue(json, new TypeReference<List<StandardTerms>>() {});
    }
}
