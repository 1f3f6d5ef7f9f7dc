package org.cdpdesktop.rest;

import io.javalin.security.RouteRole;

/** What a route needs: any valid key (or anonymous read, when allowed) to read, an admin key to write. */
enum Access implements RouteRole {
    READ, WRITE
}
