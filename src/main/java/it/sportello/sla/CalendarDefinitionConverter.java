package it.sportello.sla;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/** Keeps a calendar's definition as one JSON document: it is read and written whole, never queried. */
@Converter
class CalendarDefinitionConverter implements AttributeConverter<CalendarDefinition, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(CalendarDefinition definition) {
        return JSON.writeValueAsString(definition);
    }

    @Override
    public CalendarDefinition convertToEntityAttribute(String json) {
        return JSON.readValue(json, CalendarDefinition.class);
    }
}
