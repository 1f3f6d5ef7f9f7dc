package org.cdpdesktop.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;

/**
 * {@code /openapi.json} and Swagger UI at {@code /docs}. The UI's scripts and styles come from the swagger-ui webjar
 * inside the application (served under {@code /webjars}), so the page works with no network; the online validator
 * badge is switched off for the same reason. Both are open without a key: they describe, they hold no data.
 */
final class Docs {

    static final String SWAGGER_UI = "/webjars/swagger-ui/5.17.14";

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>CDP Desktop API</title>
              <link rel="stylesheet" href="%1$s/swagger-ui.css">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="%1$s/swagger-ui-bundle.js"></script>
              <script src="%1$s/swagger-ui-standalone-preset.js"></script>
              <script>
                window.onload = () => {
                  window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", validatorUrl: null,
                    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: "StandaloneLayout"});
                };
              </script>
            </body>
            </html>
            """.formatted(SWAGGER_UI);

    private Docs() {
    }

    static void register(Javalin server, ObjectNode openApi) {
        server.get("/openapi.json", ctx -> ctx.json(openApi));
        server.get("/docs", ctx -> ctx.html(PAGE));
    }
}
