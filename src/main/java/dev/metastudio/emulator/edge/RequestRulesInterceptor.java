package dev.metastudio.emulator.edge;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Rules for what every API call may carry besides its body, checked once for all endpoints before the controller
 * runs (a refusal is rendered by the controller's own error handling, so TTS answers with its codes): no control
 * character (NUL above all, which PostgreSQL cannot take) in a query parameter, and the {@link AppUserIds} rules for
 * {@code X-App-UserId}.
 */
@Configuration
class RequestRulesInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(CanonicalPath.API + "/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // The raw query, not getParameterMap(), which would also read a form-encoded body.
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = PercentDecoding.decode(eq < 0 ? pair : pair.substring(0, eq));
                if (hasControl(name)) {
                    throw ApiException.invalid("query parameter name", "must not contain control characters");
                }
                if (eq >= 0 && hasControl(PercentDecoding.decode(pair.substring(eq + 1)))) {
                    throw ApiException.invalid(name, "must not contain control characters such as NUL");
                }
            }
        }
        AppUserIds.check(request.getHeader(AppUserIds.HEADER));
        return true;
    }

    private static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
