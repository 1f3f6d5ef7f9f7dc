package org.cdpdesktop.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cdpdesktop.core.AppInfo;

/**
 * The route table: every endpoint is registered here together with its documentation and examples, so
 * {@code /openapi.json} cannot leave one out.
 */
final class Routes {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-zA-Z]+)}");

    /** An endpoint's documentation: what it does, its query parameters and example bodies. */
    static final class Doc {
        private final String tag;
        private final String summary;
        private final List<String[]> query = new ArrayList<>();
        private String request;
        private String requestType = "application/json";
        private String response = "{}";
        private int status = 200;

        private Doc(String tag, String summary) {
            this.tag = tag;
            this.summary = summary;
        }

        Doc query(String name, String description) {
            query.add(new String[] {name, description});
            return this;
        }

        Doc request(String example) {
            this.request = example;
            return this;
        }

        Doc upload(String fields) {
            this.request = fields;
            this.requestType = "multipart/form-data";
            return this;
        }

        Doc response(int code, String example) {
            this.status = code;
            this.response = example;
            return this;
        }

        Doc response(String example) {
            return response(200, example);
        }
    }

    private record Route(HandlerType method, String path, Access access, Doc doc) { }

    private final Javalin server;
    private final ObjectMapper json;
    private final List<Route> routes = new ArrayList<>();

    Routes(Javalin server, ObjectMapper json) {
        this.server = server;
        this.json = json;
    }

    static Doc doc(String tag, String summary) {
        return new Doc(tag, summary);
    }

    void add(HandlerType method, String path, Access access, Doc doc, Handler handler) {
        server.addHttpHandler(method, path, handler, access);
        routes.add(new Route(method, path, access, doc));
    }

    void get(String path, Access access, Doc doc, Handler handler) {
        add(HandlerType.GET, path, access, doc, handler);
    }

    void post(String path, Access access, Doc doc, Handler handler) {
        add(HandlerType.POST, path, access, doc, handler);
    }

    void put(String path, Access access, Doc doc, Handler handler) {
        add(HandlerType.PUT, path, access, doc, handler);
    }

    void delete(String path, Access access, Doc doc, Handler handler) {
        add(HandlerType.DELETE, path, access, doc, handler);
    }

    /** The OpenAPI 3.0 document of every route registered so far. */
    ObjectNode openApi() {
        ObjectNode root = json.createObjectNode();
        root.put("openapi", "3.0.3");
        ObjectNode info = root.putObject("info");
        info.put("title", "CDP Desktop local API");
        info.put("version", AppInfo.version());
        info.put("description", "The local REST API of CDP Desktop. Send a key made in the API screen or with"
                + " `apikey create` as `Authorization: Bearer KEY` or `X-API-Key: KEY`. Viewer keys read; admin keys also"
                + " write, train and delete. Errors are `{\"error\":..,\"detail\":..}`.");
        ObjectNode schemes = root.putObject("components").putObject("securitySchemes");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
        schemes.putObject("apiKey").put("type", "apiKey").put("in", "header").put("name", "X-API-Key");
        ObjectNode paths = root.putObject("paths");
        for (Route route : routes) {
            String path = route.path().replace("%20", " ");
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            ObjectNode operation = item.putObject(route.method().name().toLowerCase(Locale.ROOT));
            operation.putArray("tags").add(route.doc().tag);
            operation.put("summary", route.doc().summary);
            operation.put("description", route.access() == Access.WRITE ? "Needs an admin key." : "Needs a viewer or admin key"
                    + " (or none, from this computer, when anonymous read is on).");
            ArrayNode security = operation.putArray("security");
            security.addObject().putArray("bearer");
            security.addObject().putArray("apiKey");
            ArrayNode parameters = operation.putArray("parameters");
            Matcher names = PATH_PARAMETER.matcher(route.path());
            while (names.find()) {
                parameters.addObject().put("name", names.group(1)).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
            for (String[] query : route.doc().query) {
                parameters.addObject().put("name", query[0]).put("in", "query").put("description", query[1])
                        .putObject("schema").put("type", "string");
            }
            if (route.doc().request != null) {
                ObjectNode content = operation.putObject("requestBody").put("required", true).putObject("content")
                        .putObject(route.doc().requestType);
                if (route.doc().requestType.startsWith("multipart")) {
                    ObjectNode properties = content.putObject("schema").put("type", "object").putObject("properties");
                    for (String field : route.doc().request.split(",")) {
                        properties.putObject(field.strip()).put("type", "string").put("format", field.strip().equals("file") ? "binary" : "");
                    }
                } else {
                    content.set("example", parse(route.doc().request));
                }
            }
            ObjectNode responses = operation.putObject("responses");
            responses.putObject(String.valueOf(route.doc().status)).put("description", "Success").putObject("content")
                    .putObject("application/json").set("example", parse(route.doc().response));
            responses.putObject("400").put("description", "Bad input: {\"error\":\"bad request\",\"detail\":\"...\"}");
            responses.putObject("401").put("description", "No key or an unknown key");
            if (route.access() == Access.WRITE) {
                responses.putObject("403").put("description", "A viewer key on an endpoint that writes");
            }
        }
        return root;
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String example) {
        try {
            return json.readTree(example);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An endpoint's documented example is not JSON: " + example, e);
        }
    }
}
