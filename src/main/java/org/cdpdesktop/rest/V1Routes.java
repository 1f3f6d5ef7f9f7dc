package org.cdpdesktop.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cdpdesktop.App;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.profile.ProfileMapping;
import org.cdpdesktop.core.profile.ProfileSort;
import org.cdpdesktop.core.query.Condition;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.query.RuleParser;
import org.cdpdesktop.core.segment.CohortSize;
import org.cdpdesktop.core.segment.Segment;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.store.ProfileDetail;

/** The versioned API: profiles, segments, cohorts, imports, models and stats, in the core's own JSON shapes. */
final class V1Routes {

    private static final String V1 = "/api/v1";
    private static final String PROFILE = """
            {"id":1,"externalId":"c-1","email":"ann@example.com","phone":"+15550100","firstName":"Ann","lastName":null,
             "age":34,"gender":"Female","city":"Austin","state":"TX","country":"United States","postalCode":"07302",
             "income":52000,"education":"Bachelor","interests":["travel","tech"],"bio":null,"signupDate":"2024-03-01",
             "createdAt":"2026-11-30T09:00:00Z","updatedAt":"2026-11-30T09:00:00Z","attributes":{"tier":"gold"},
             "cohorts":["Explorers"]}""";
    private static final String SEGMENT = """
            {"id":3,"name":"Techie","rule":"interests contains \\"tech\\"","description":"Likes technology","builtin":true,
             "createdAt":"2026-11-30T09:00:00Z","updatedAt":"2026-11-30T09:00:00Z"}""";
    private static final String SEGMENT_INPUT = """
            {"name":"Young travellers","rule":"age < 30 AND interests contains \\"travel\\"","description":"For the spring campaign"}""";
    private static final String UPSERT_ANSWER = """
            {"read":2,"stored":2,"rejected":0,"batch":{"batchId":12,"file":"api-v1","read":5,"inserted":3,"updated":2,"duplicates":0,
             "rejected":0,"rejectsFile":null,"seconds":0.004,"rowsPerSecond":1250.0,"dryRun":false},"errors":[]}""";

    private final App app;
    private final ModelEndpoints models;
    private final ObjectMapper json;
    private final ProfileIngest ingest;

    V1Routes(App app, ModelEndpoints models, ObjectMapper json, ProfileIngest ingest) {
        this.app = app;
        this.models = models;
        this.json = json;
        this.ingest = ingest;
    }

    void register(Routes routes) {
        routes.get(V1 + "/profiles", Access.READ, Routes.doc("Profiles", "A page of profiles, filtered, searched and sorted")
                .query("offset", "first row, default 0").query("limit", "rows, 0 to 10000, default 100")
                .query("sort", "a field key or attr:NAME, - in front for descending, e.g. -income")
                .query("filter", "a rule in the segment rule language, e.g. country = \"Canada\" AND age >= 25")
                .query("search", "part of an email, name, external id or city")
                .response("{\"total\":1,\"offset\":0,\"profiles\":[" + PROFILE + "]}"), this::profiles);
        routes.get(V1 + "/profiles/{id}", Access.READ, Routes.doc("Profiles", "One profile with its segments")
                .response(PROFILE.replace("\"cohorts\":[\"Explorers\"]}", "\"cohorts\":[\"Explorers\"],\"segments\":[\"Techie\"]}")), this::profile);
        routes.put(V1 + "/profiles", Access.WRITE, Routes.doc("Profiles", "Upsert one profile (an object) or many (a list), matched by external id or email,"
                + " cleaned like an import; requests arriving together are written as one batch, whose counts are in 'batch'").request("[{\"externalId\":\"c-1\",\"email\":\"ann@example.com\",\"age\":34,\"interests\":[\"travel\"]}]")
                .response(UPSERT_ANSWER), this::upsert);
        routes.delete(V1 + "/profiles/{id}", Access.WRITE, Routes.doc("Profiles", "Delete a profile").response("{\"deleted\":1}"), this::deleteProfile);

        routes.get(V1 + "/segments", Access.READ, Routes.doc("Segments", "Every segment").response("[" + SEGMENT + "]"),
                ctx -> ctx.json(app.segments().list().stream().map(V1Routes::segment).toList()));
        routes.post(V1 + "/segments", Access.WRITE, Routes.doc("Segments", "Create a segment").request(SEGMENT_INPUT).response(201, SEGMENT), ctx -> {
            SegmentInput input = segmentInput(ctx);
            ctx.status(201).json(segment(app.segments().create(input.name(), input.rule(), input.description())));
        });
        routes.get(V1 + "/segments/{id}", Access.READ, Routes.doc("Segments", "One segment").response(SEGMENT),
                ctx -> ctx.json(segment(segmentOf(ctx))));
        routes.put(V1 + "/segments/{id}", Access.WRITE, Routes.doc("Segments", "Change a segment's name, rule or description")
                .request(SEGMENT_INPUT).response(SEGMENT), ctx -> {
            Segment current = segmentOf(ctx);
            SegmentInput input = segmentInput(ctx);
            ctx.json(segment(app.segments().update(current.id(), input.name(), input.rule(), input.description())));
        });
        routes.delete(V1 + "/segments/{id}", Access.WRITE, Routes.doc("Segments", "Delete a segment (refused while another rule refers to it)")
                .response("{\"deleted\":3}"), ctx -> {
            Segment current = segmentOf(ctx);
            app.segments().delete(current.id());
            ctx.json(Map.of("deleted", current.id()));
        });
        routes.get(V1 + "/segments/{id}/count", Access.READ, Routes.doc("Segments", "How many profiles the segment's rule matches now")
                .response("{\"id\":3,\"count\":412}"), ctx -> {
            Segment current = segmentOf(ctx);
            ctx.json(Map.of("id", current.id(), "count", app.segments().count(current.rule())));
        });
        routes.get(V1 + "/segments/{id}/members", Access.READ, Routes.doc("Segments", "A page of the profiles the rule matches now")
                .query("offset", "default 0").query("limit", "default 100").response("{\"profiles\":[" + PROFILE + "]}"), ctx -> {
            Segment current = segmentOf(ctx);
            int limit = Requests.intParam(ctx, "limit", 100, 0, ProfileBrowser.MAX_PAGE_SIZE);
            int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
            ctx.json(Map.of("profiles", profilesJson(app.segments().members(current.rule(), limit, offset))));
        });
        routes.get(V1 + "/segments/{id}/snapshots", Access.READ, Routes.doc("Segments", "The segment's size at each snapshot")
                .response("[{\"id\":9,\"segmentId\":3,\"takenAt\":\"2026-11-30T09:00:00Z\",\"reason\":\"import\",\"size\":412}]"),
                ctx -> ctx.json(app.segments().history(segmentOf(ctx).id())));
        routes.post(V1 + "/segments/snapshots", Access.WRITE, Routes.doc("Segments", "Snapshot every segment now")
                .response("[{\"segmentId\":3,\"name\":\"Techie\",\"size\":412,\"added\":5,\"removed\":1,\"error\":null}]"),
                ctx -> ctx.json(app.segments().snapshotAll("api")));

        routes.get(V1 + "/cohorts", Access.READ, Routes.doc("Cohorts", "Every cohort with its size, largest first")
                .response("[{\"cohort\":\"Explorers\",\"size\":812}]"), ctx -> ctx.json(app.cohorts().cohorts()));
        routes.get(V1 + "/cohorts/{name}/members", Access.READ, Routes.doc("Cohorts", "A page of a cohort's profiles")
                .query("offset", "default 0").query("limit", "default 100").response("{\"cohort\":\"Explorers\",\"profiles\":[" + PROFILE + "]}"), ctx -> {
            String name = ctx.pathParam("name");
            String known = app.cohorts().cohorts().stream().map(CohortSize::cohort).filter(c -> c.equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> ApiError.notFound("No cohort named '" + Requests.shorten(name) + "'"));
            int limit = Requests.intParam(ctx, "limit", 100, 0, ProfileBrowser.MAX_PAGE_SIZE);
            int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("cohort", known);
            answer.put("profiles", profilesJson(app.cohorts().members(known, limit, offset)));
            ctx.json(answer);
        });

        routes.get(V1 + "/imports", Access.READ, Routes.doc("Imports", "The import history, newest first")
                .response("[{\"id\":7,\"source\":\"csv\",\"fileName\":\"customers.csv\",\"status\":\"completed\",\"read\":3000,"
                        + "\"inserted\":2990,\"updated\":0,\"duplicates\":8,\"rejected\":2}]"), ctx -> ctx.json(app.importer().history()));

        routes.get(V1 + "/models", Access.READ, Routes.doc("Models", "Trained models (503 until models ship)").response("[]"),
                ctx -> ctx.json(models.models()));
        routes.post(V1 + "/models/{version}/activate", Access.WRITE, Routes.doc("Models", "Make a model the one that predicts")
                .response("{\"active\":\"2026-11-30T09:00:00Z\"}"), ctx -> ctx.json(models.activate(ctx.pathParam("version"))));
        routes.get(V1 + "/models/{version}/evaluation", Access.READ, Routes.doc("Models", "A model's evaluation figures")
                .response("{\"accuracy\":0.91,\"macroF1\":0.88}"), ctx -> ctx.json(models.evaluation(ctx.pathParam("version"))));
        routes.get(V1 + "/models/{version}/explain", Access.READ, Routes.doc("Models", "The terms that weigh most for each cohort")
                .response("{\"Explorers\":[\"travel\",\"hiking\"]}"), ctx -> ctx.json(models.explain(ctx.pathParam("version"))));

        routes.get(V1 + "/stats", Access.READ, Routes.doc("Stats", "Profile, segment and model counts and the last import")
                .response("{\"profileCount\":3000,\"segmentCount\":15,\"modelCount\":0,\"lastImport\":{\"fileName\":\"customers.csv\","
                        + "\"finishedAt\":\"2026-11-30T09:00:00Z\",\"status\":\"completed\",\"read\":3000,\"inserted\":2990,\"updated\":0,"
                        + "\"duplicates\":8,\"rejected\":2}}"), ctx -> ctx.json(app.stats().stats()));
    }

    private void profiles(Context ctx) {
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Requests.intParam(ctx, "limit", 100, 0, ProfileBrowser.MAX_PAGE_SIZE);
        String filter = ctx.queryParam("filter");
        String sort = ctx.queryParam("sort");
        Condition condition = filter == null || filter.isBlank() ? null : RuleParser.parse(filter);
        ProfileQuery query = new ProfileQuery(condition, ctx.queryParam("search"), null,
                sort == null || sort.isBlank() ? ProfileSort.NATURAL : ProfileSort.parse(sort));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", app.profileBrowser().count(query));
        answer.put("offset", offset);
        answer.put("profiles", profilesJson(app.profileBrowser().page(query, offset, limit)));
        ctx.json(answer);
    }

    private void profile(Context ctx) {
        ProfileDetail detail = app.profileBrowser().detail(id(ctx)).orElseThrow(() -> ApiError.notFound("No profile with id " + ctx.pathParam("id")));
        ObjectNode profile = ProfileMapping.toJson(detail.profile());
        ArrayNode segments = profile.putArray("segments");
        detail.segments().forEach(segments::add);
        ctx.json(profile);
    }

    private void upsert(Context ctx) {
        JsonNode body = Requests.json(ctx, json);
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        if (items.size() > CompatRoutes.MAX_RECORDS_PER_REQUEST) {
            throw ApiError.badRequest("At most " + CompatRoutes.MAX_RECORDS_PER_REQUEST + " profiles per request, not " + items.size());
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (JsonNode item : items) {
            records.add(CompatProfiles.toRecord(item));
        }
        if (records.isEmpty()) {
            throw ApiError.badRequest("The list of profiles is empty");
        }
        ProfileIngest.Outcome outcome = ingest.ingest("api-v1", records, false);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("read", outcome.read());
        answer.put("stored", outcome.stored());
        answer.put("rejected", outcome.rejections().size());
        answer.put("batch", outcome.batch());
        answer.put("errors", outcome.rejections().stream()
                .map(rejection -> Map.of("index", rejection.position() - 1, "error", rejection.reason())).toList());
        ctx.json(answer);
    }

    private void deleteProfile(Context ctx) {
        long id = id(ctx);
        if (!app.profiles().delete(id)) {
            throw ApiError.notFound("No profile with id " + id);
        }
        ctx.json(Map.of("deleted", id));
    }

    private static List<ObjectNode> profilesJson(List<Profile> page) {
        return page.stream().map(ProfileMapping::toJson).toList();
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Answered below with the value that was given.
        }
        throw ApiError.badRequest("An id is a positive whole number, not '" + Requests.shorten(raw) + "'");
    }

    private Segment segmentOf(Context ctx) {
        long id = id(ctx);
        return app.segments().findById(id).orElseThrow(() -> ApiError.notFound("No segment with id " + id));
    }

    private record SegmentInput(String name, Condition rule, String description) { }

    private SegmentInput segmentInput(Context ctx) {
        JsonNode body = Requests.json(ctx, json);
        if (!body.isObject()) {
            throw ApiError.badRequest("A segment is a JSON object with name, rule and description");
        }
        return new SegmentInput(text(body, "name", true), RuleParser.parse(text(body, "rule", true)), text(body, "description", false));
    }

    private static String text(JsonNode body, String key, boolean required) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw ApiError.badRequest("'" + key + "' is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("'" + key + "' must be text, not " + CompatProfiles.kind(value));
        }
        return value.asText();
    }

    private static Map<String, Object> segment(Segment segment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", segment.id());
        json.put("name", segment.name());
        json.put("rule", segment.ruleText());
        json.put("description", segment.description());
        json.put("builtin", segment.builtin());
        json.put("createdAt", segment.createdAt());
        json.put("updatedAt", segment.updatedAt());
        return json;
    }
}
