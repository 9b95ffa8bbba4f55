package dev.metastudio.emulator.control.console;

import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console: plain HTML, CSS and JavaScript from the jar ({@code classpath:/console/}), no build step. The
 * page itself holds no data and needs no token; everything it shows it fetches from the control plane with the
 * token the user typed (sent as {@code Authorization: Bearer}), and media straight from presigned object URLs.
 */
@Configuration
class ConsoleWebConfig implements WebMvcConfigurer {
    static final String PATH = "/_emulator/console";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "/**").addResourceLocations("classpath:/console/")
                .setCacheControl(CacheControl.noCache());
    }

    @Controller
    static class ConsolePage {
        @GetMapping({PATH, PATH + "/"})
        ResponseEntity<Resource> index() throws IOException {
            Resource page = new ClassPathResource("console/index.html");
            return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache())
                    .contentLength(page.contentLength()).body(page);
        }
    }
}
