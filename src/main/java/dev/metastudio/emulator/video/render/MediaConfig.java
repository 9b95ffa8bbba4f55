package dev.metastudio.emulator.video.render;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(MediaSettings.class)
class MediaConfig {
}
