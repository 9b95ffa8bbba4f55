package dev.metastudio.emulator.control;

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
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A node in the worker role renders jobs and serves only the control plane and object URLs; the API belongs to the
 * api (or both) nodes behind the gateway.
 */
@Component
@Order(CanonicalPathFilter.ORDER + 4)
class RoleFilter extends OncePerRequestFilter {
    private final boolean servesApi;

    RoleFilter(EmulatorProperties properties) {
        this.servesApi = properties.servesApi();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        CanonicalPath path = CanonicalPath.of(request);
        return servesApi || !(path.isUnder(CanonicalPath.API) || path.isUnder(CanonicalPath.IAM));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorWriter.gateway(response, 404, ErrorCodes.GW_API_NOT_FOUND,
                "The API does not exist or has not been published in the environment: this node runs in the worker role");
    }
}
