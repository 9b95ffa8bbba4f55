package dev.metastudio.emulator.storage.filesystem;

import dev.metastudio.emulator.edge.RequestIds;
import dev.metastudio.emulator.storage.ObjectInfo;
import dev.metastudio.emulator.storage.ObjectKeys;
import dev.metastudio.emulator.storage.ObjectStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * What sits behind the filesystem store's presigned URLs, under the reserved prefix {@code /_objects/}. No API
 * authentication: the URL's signature is the authentication. Answers like OBS, since clients treat these URLs
 * as OBS URLs: XML errors, ETag on PUT and GET, Range requests.
 */
@RestController
@RequestMapping("/_objects")
// Browsers upload straight to presigned URLs, as they do to an OBS bucket configured for it; no cookies are
// involved (the signature is the credential), so any origin may.
@CrossOrigin(origins = "*", allowedHeaders = "*",
        methods = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.PUT},
        exposedHeaders = {"ETag", "Content-Range", "Content-Disposition", "X-Request-Id", "x-obs-request-id"},
        maxAge = 3600)
class ObjectEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectEndpoint.class);

    private final ObjectStore store;

    ObjectEndpoint(ObjectStore store) {
        this.store = store;
    }

    /** Streams the body to disk; a Content-MD5, when sent, must match it or nothing is stored. */
    @PutMapping("/**")
    ResponseEntity<Void> put(HttpServletRequest request) throws IOException {
        FilesystemObjectStore files = filesystem();
        String key = keyOf(request);
        String contentMd5 = request.getHeader("Content-MD5");
        ObjectUrlSigner.Grant grant = files.signer().verify("PUT", key, request::getParameter, contentMd5);
        long length = request.getContentLengthLong();
        long limit = grant.maxLength() == null ? FilesystemObjectStore.MAX_PUT_BYTES
                : Math.min(grant.maxLength(), FilesystemObjectStore.MAX_PUT_BYTES);
        if (grant.partNumber() == null && length > limit) {
            // Refused before a byte is read; the 400 closes the connection instead of draining the rest.
            throw ObjectError.entityTooLarge(limit);
        }
        ObjectInfo stored = grant.partNumber() == null
                ? files.receive(key, request.getInputStream(), length, contentMd5, limit)
                : files.receivePart(key, grant.uploadId(), grant.partNumber(), request.getInputStream(), length,
                        contentMd5, grant.maxLength());
        return ResponseEntity.ok().eTag(etag(stored.md5Base64())).build();
    }

    /** The object's bytes; Spring answers Range and conditional requests for a {@link Resource} body. */
    @RequestMapping(path = "/**", method = {RequestMethod.GET, RequestMethod.HEAD})
    ResponseEntity<Resource> get(HttpServletRequest request) throws IOException {
        FilesystemObjectStore files = filesystem();
        String key = keyOf(request);
        ObjectUrlSigner.Grant grant = files.signer().verify("GET", key, request::getParameter, null);
        Path file = files.existingFile(key).orElseThrow(ObjectError::noSuchKey);
        ObjectInfo info = files.stat(key).orElseThrow(ObjectError::noSuchKey);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaTypeFactory.getMediaType(ObjectKeys.fileName(key))
                .orElse(MediaType.APPLICATION_OCTET_STREAM));
        headers.setETag(etag(info.md5Base64()));
        headers.setLastModified(Files.getLastModifiedTime(file).toMillis());
        headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        // Uploaded content is served from the emulator's own origin: never let it run as a page of that origin.
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "sandbox");
        if (grant.disposition() != null) {
            headers.set(HttpHeaders.CONTENT_DISPOSITION, grant.disposition());
        }
        return ResponseEntity.ok().headers(headers).body(new FileSystemResource(file));
    }

    @RequestMapping("/**")
    void otherMethods() {
        throw new ObjectError(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }

    @ExceptionHandler(ObjectError.class)
    void refused(ObjectError e, HttpServletResponse response) throws IOException {
        writeError(response, e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    void badKey(IllegalArgumentException e, HttpServletResponse response) throws IOException {
        writeError(response, 400, "InvalidURI", "Couldn't parse the specified URI: " + e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    void failed(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (isClientAbort(e)) {
            LOG.info("{} {} abandoned by the client: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return;
        }
        LOG.error("Object request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        writeError(response, 500, "InternalError", "We encountered an internal error. Please try again.");
    }

    private FilesystemObjectStore filesystem() {
        if (store instanceof FilesystemObjectStore files) {
            return files;
        }
        throw new ObjectError(404, "NoSuchBucket", "Objects are kept in an S3 store"
                + " (metastudio.storage.type=" + store.kind() + "); its URLs point there, not here.");
    }

    /** The key from the raw path, decoded once: the container's decoded path would also have normalised it. */
    private static String keyOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String raw = path.substring(ObjectUrlSigner.PATH_PREFIX.length());
        return ObjectKeys.normalize(UriUtils.decode(raw, StandardCharsets.UTF_8));
    }

    private static String etag(String md5Base64) {
        return "\"" + HexFormat.of().formatHex(Base64.getDecoder().decode(md5Base64)) + "\"";
    }

    private static boolean isClientAbort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    private static void writeError(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/xml");
        String requestId = RequestIds.current() == null ? "" : RequestIds.current();
        response.setHeader("x-obs-request-id", requestId);
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + xml(code) + "</Code><Message>"
                + xml(message) + "</Message><RequestId>" + xml(requestId) + "</RequestId>"
                + "<HostId>metastudio-emulator</HostId></Error>").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
