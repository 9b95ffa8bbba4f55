package dev.metastudio.emulator.control.faults;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Connection faults, which a servlet filter cannot make: the filter marks the request, and this valve (which sees
 * Tomcat's own request, after the filters returned and before Tomcat writes the response) tells the connector to
 * close the connection at once, so not a byte of response goes out. {@code CONNECTION_RESET} first sets
 * {@code SO_LINGER} to 0 on the socket, so the close is a TCP RST ("connection reset by peer") rather than a FIN.
 */
@Component
class ConnectionFaultValve extends ValveBase implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFaultValve.class);
    private static final String ATTRIBUTE = ConnectionFaultValve.class.getName();

    ConnectionFaultValve() {
        super(true);
    }

    /** Called by the filter: the connection of this request closes without a response. */
    static void abort(HttpServletRequest request, FaultRule.Fault fault) {
        request.setAttribute(ATTRIBUTE, fault);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextValves(this);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(ATTRIBUTE) instanceof FaultRule.Fault fault) {
            if (fault == FaultRule.Fault.CONNECTION_RESET) {
                lingerZero(request);
            }
            response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
        }
    }

    /**
     * Tomcat has no API for an abortive close, so this reaches the socket through the connector's processor (the
     * request's action hook). Should that ever fail the connection is still closed without a response, by FIN.
     */
    private static void lingerZero(Request request) {
        try {
            org.apache.coyote.Request coyote = request.getCoyoteRequest();
            Field hookField = org.apache.coyote.Request.class.getDeclaredField("hook");
            hookField.setAccessible(true);
            Object processor = hookField.get(coyote);
            Method wrapperGetter = org.apache.coyote.AbstractProcessor.class.getDeclaredMethod("getSocketWrapper");
            wrapperGetter.setAccessible(true);
            Object wrapper = wrapperGetter.invoke(processor);
            Object socket = wrapper.getClass().getMethod("getSocket").invoke(wrapper);
            Object channel = socket.getClass().getMethod("getIOChannel").invoke(socket);
            ((NetworkChannel) channel).setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (ReflectiveOperationException | RuntimeException | IOException e) {
            LOG.warn("CONNECTION_RESET: could not set SO_LINGER 0 ({}); the connection is closed with a FIN instead",
                    e.toString());
        }
    }
}
