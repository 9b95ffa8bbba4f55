package dev.metastudio.emulator.edge.throttle;

import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.edge.CanonicalPath;
import dev.metastudio.emulator.edge.CanonicalPathFilter;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.edge.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API Gateway throttling: when {@code METASTUDIO_THROTTLE} names a region, each tenant (project) gets that
 * region's documented calls-per-second for each API, and the excess is refused with 429 {@code APIGW.0308}.
 * Limits are counted per node.
 */
@Component
@Order(CanonicalPathFilter.ORDER + 19)
public class ThrottleFilter extends OncePerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(ThrottleFilter.class);

    private final ThrottleTable table;
    private final TokenBuckets buckets = new TokenBuckets();

    public ThrottleFilter(EmulatorProperties properties) {
        String setting = properties.throttle();
        this.table = "off".equalsIgnoreCase(setting) ? null : ThrottleTable.forRegion(setting);
        if (table != null) {
            LOG.info("Throttling on: {} APIs limited per tenant as in region {}", table.size(), setting);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return table == null || !CanonicalPath.of(request).isUnder(CanonicalPath.API);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CanonicalPath path = CanonicalPath.of(request);
        Optional<ThrottleTable.Limit> limit = table.find(request.getMethod(), path.value());
        if (limit.isPresent()) {
            String tenant = path.apiProjectId();
            String key = tenant + " " + limit.get().api();
            if (!buckets.tryAcquire(key, limit.get().perSecond(), System.nanoTime())) {
                ErrorWriter.gateway(response, 429, ErrorCodes.GW_THROTTLED,
                        "The throttling threshold has been reached: policy user over ratelimit,limit:"
                                + limit.get().perSecond() + ",time:1 second");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
