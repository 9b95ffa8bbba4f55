package dev.metastudio.emulator.callback;

import dev.metastudio.emulator.config.ReadinessCheck;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CallbackProperties.class)
class CallbackConfiguration {

    /** Parsed once at start-up, so a malformed entry stops the server with a message instead of failing jobs. */
    @Bean
    HostAllowList callbackHostAllowList(CallbackProperties properties) {
        return HostAllowList.parse(properties.allowedHosts());
    }

    /** Ready only while this node's dispatcher threads run: otherwise callbacks would silently pile up. */
    @Bean
    ReadinessCheck callbackDispatchCheck(CallbackDispatcher dispatcher) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return "callbacks";
            }

            @Override
            public void check() {
                String problem = dispatcher.problem();
                if (problem != null) {
                    throw new IllegalStateException(problem);
                }
            }
        };
    }
}
