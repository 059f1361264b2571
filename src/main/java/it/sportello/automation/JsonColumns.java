package it.sportello.automation;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A rule's conditions and actions as JSON documents: read and written whole with the rule, never queried. */
final class JsonColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonColumns() {}

    @Converter
    static class Conditions implements AttributeConverter<List<Condition>, String> {
        @Override
        public String convertToDatabaseColumn(List<Condition> conditions) {
            return JSON.writeValueAsString(conditions == null ? List.of() : conditions);
        }

        @Override
        public List<Condition> convertToEntityAttribute(String json) {
            return json == null || json.isBlank()
                    ? List.of()
                    : JSON.readValue(json, new TypeReference<List<Condition>>() {});
        }
    }

    @Converter
    static class Actions implements AttributeConverter<List<Action>, String> {
        @Override
        public String convertToDatabaseColumn(List<Action> actions) {
            return JSON.writeValueAsString(actions == null ? List.of() : actions);
        }

        @Override
        public List<Action> convertToEntityAttribute(String json) {
            return json == null || json.isBlank()
                    ? List.of()
                    : JSON.readValue(json, new TypeReference<List<Action>>() {});
        }
    }
}
