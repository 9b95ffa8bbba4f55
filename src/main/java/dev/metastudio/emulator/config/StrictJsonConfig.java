package dev.metastudio.emulator.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are read strictly, in one place for every endpoint: an enum must be its documented name (never a
 * number standing for a position: {@code {"action":1}} is not DELETE_FORCE), nothing may follow the JSON value, a
 * field may appear once, no string may hold NUL, and no list may hold null. Each refusal is a 400 naming the field.
 */
@Configuration
class StrictJsonConfig {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
                .factory(new NulRefusingJsonFactory())
                .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> {
                    for (Class<?> type : List.of(List.class, Set.class, Collection.class)) {
                        mapper.configOverride(type).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
                    }
                });
    }
}
