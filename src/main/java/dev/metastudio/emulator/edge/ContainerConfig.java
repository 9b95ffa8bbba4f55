package dev.metastudio.emulator.edge;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ContainerConfig {

    /** The host uses {@link EnvelopeErrorReportValve}; Tomcat adds its HTML reporter only when none is configured. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
                host.getPipeline().addValve(new EnvelopeErrorReportValve());
            }
        });
    }
}
