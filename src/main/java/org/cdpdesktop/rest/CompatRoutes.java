package org.cdpdesktop.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cdpdesktop.App;
import org.cdpdesktop.core.ingest.ImportSummary;
import org.cdpdesktop.core.ingest.RecordBatch;
import org.cdpdesktop.core.profile.Profile;
import org.cdpdesktop.core.query.ProfileQuery;
import org.cdpdesktop.core.segment.CohortSize;
import org.cdpdesktop.core.store.ProfileBrowser;
import org.cdpdesktop.core.store.ProfileDetail;
import org.cdpdesktop.core.store.StoreCleaner;

/** The old CDPapi service's endpoints, with its request and response shapes, so its clients keep working unchanged. */
final class CompatRoutes {

    static final int MAX_RECORDS_PER_REQUEST = 10_000;
    static final int MAX_FAILED_LOG = 1_000;

    private final App app;
    private final ModelEndpoints models;
    private final ObjectMapper json;
    private final ProfileIngest ingest;
    private final FileUpload upload;

    CompatRoutes(App app, ModelEndpoints models, ObjectMapper json, ProfileIngest ingest) {
        this.app = app;
        this.models = models;
        this.json = json;
        this.ingest = ingest;
        this.upload = new FileUpload(app.importer(), app.jobs());
    }

    static final String USER_EXAMPLE = """
            {"id":1,"cookie":"c-1","email":"ann@example.com","phone_number":"+15550100","first_name":null,"last_name":null,
             "age":34,"gender":"Female","city":"Austin","state":"TX","country":"United States","postal_code":"07302",
             "income":52000,"education":"Bachelor","interests":["travel","tech"],"bio":null,"signup_date":"2024-03-01",
             "created_at":"2026-11-30T09:00:00Z","updated_at":"2026-11-30T09:00:00Z","attributes":{},
             "cohorts":["Explorers"],"segments":["Techie"]}""";
    private static final String STATS_EXAMPLE = "{\"totalUsers\":3000,\"totalCohorts\":4,\"totalSegments\":15,\"predictionsRun\":0}";
    private static final String PREDICTION = """
            {"cohort":"Explorers","confidence":0.82,"assigned":["Explorers"],"cohorts":[{"cohort":"Explorers","confidence":0.82,"terms":["travel","tech"]},
             {"cohort":"Homebodies","confidence":0.18,"terms":[]}],"explanation":[{"term":"travel","weight":1.4},{"term":"tech","weight":0.6}],
             "model":"20261130-090000-logistic"}""";
    private static final String BULK_JSON_EXAMPLE = """
            [{"cookie":"c-1","email":"ann@example.com","phone_number":"+1 555 0100","age":34,"interests":"travel|tech"},
             {"cookie":"c-2","email":"bob@example.com","age":"41","interests":["music"]}]""";
    private static final String BULK_JSON_ANSWER = """
            {"status":"success","records_processed":1,"errors":[{"index":1,"error":"no identity: no usable id or valid email"}]}""";

    void register(Routes routes) {
        String tag = "CDPapi compatible";
        routes.get("/", Access.READ, Routes.doc(tag, "Totals, as the old service's root answered").response(STATS_EXAMPLE),
                ctx -> ctx.json(stats()));
        routes.get("/api/stats", Access.READ, Routes.doc(tag, "Totals: profiles, cohorts, segments and model predictions stored")
                .response(STATS_EXAMPLE), ctx -> ctx.json(stats()));
        routes.post("/bulk-ingest", Access.WRITE, Routes.doc(tag, "Import an uploaded CSV, Excel (.xlsx, .xls), JSON or JSON Lines file through the import pipeline; the format is"
                + " detected from the content (dry_run: validate only)")
                .query("dry_run", "true to validate without storing; also accepted as a form field")
                .upload("file, dry_run")
                .response("""
                        {"summary":{"total":3,"success":2,"failed":1,"dry_run":false},
                         "failed_log":[{"line":4,"reason":"no identity","raw":",broken,1"}],"file":"customers.csv","batchId":7,
                         "read":3,"inserted":2,"updated":0,"duplicates":0,"rejected":1,"rejectsFile":"rejects/customers.rejects.csv",
                         "seconds":0.05}"""), this::bulkIngest);
        routes.post("/ingest-single/bulk-json", Access.WRITE, Routes.doc(tag, "Upsert profiles given as a JSON list")
                .request(BULK_JSON_EXAMPLE).response(BULK_JSON_ANSWER), this::bulkJson);
        // The old service's route really was spelled with a space and " ingest"; its dashboard calls it so. Routes
        // match the path as sent, so the space is written as a browser encodes it.
        routes.post("/ingest-single/bulk-json%20ingest", Access.WRITE, Routes.doc(tag, "The same, under the old service's path spelling")
                .request(BULK_JSON_EXAMPLE).response(BULK_JSON_ANSWER), this::bulkJson);
        routes.get("/clean-users", Access.WRITE, Routes.doc(tag, "Run the cleaning rules again over every stored profile")
                .response("{\"message\":\"Cleaned 3000 profiles: 12 values in 9 profiles changed, 4 values could not be cleaned and were left as"
                        + " they were.\",\"profilesChecked\":3000,\"profilesChanged\":9,\"valuesChanged\":12,\"valuesLeftUncleanable\":4}"),
                this::cleanUsers);
        routes.get("/api/users", Access.READ, Routes.doc(tag, "A page of profiles").query("skip", "rows to skip (default 0)")
                .query("limit", "rows to answer, 0 to 10000 (default 1000)")
                .response("{\"users\":[" + USER_EXAMPLE + "],\"total\":3000}"), this::users);
        routes.get("/api/user", Access.READ, Routes.doc(tag, "One profile by cookie (external id) or email")
                .query("cookie", "the external id").query("email", "the email, any case")
                .response("{\"user_profile\":" + USER_EXAMPLE + "}"), this::user);
        routes.get("/api/cohort/users", Access.READ, Routes.doc(tag, "The profiles in a cohort").query("cohort", "the cohort's name (required)")
                .query("limit", "default 100").query("offset", "default 0")
                .response("{\"cohort\":\"Explorers\",\"users\":[" + USER_EXAMPLE + "]}"), this::cohortUsers);
        routes.post("/segment-user", Access.READ, Routes.doc(tag, "The segments a stored profile falls in, found by its cookie or email")
                .request("{\"cookie\":\"c-1\"}").response("{\"cookie\":\"c-1\",\"segments\":[\"Techie\",\"Explorers\"]}"), this::segmentUser);
        routes.post("/predict-cohort", Access.READ, Routes.doc(tag, "The active model's cohorts for a profile or a list of interests, with"
                + " confidence and the terms behind them (503 while no model is active)").request("{\"interests\":[\"travel\",\"tech\"]}")
                .response(PREDICTION), ctx -> ctx.json(models.predict(object(Requests.json(ctx, json)))));
        routes.post("/bulk-predict", Access.READ, Routes.doc(tag, "The same for up to 10,000 profiles; a profile that cannot be read is"
                + " listed in errors by its index (503 while no model is active)")
                .request("[{\"interests\":[\"travel\"]},{\"interests\":\"golf|wine\",\"age\":61}]")
                .response("{\"predictions\":[" + PREDICTION.replace("{\"cohort\":\"Explorers\",\"confidence\":0.82,\"cohorts\"",
                        "{\"index\":0,\"cohort\":\"Explorers\",\"confidence\":0.82,\"cohorts\"") + "],\"errors\":[]}"), this::bulkPredict);
        routes.post("/train", Access.WRITE, Routes.doc(tag, "Train a model on the imported cohorts with the train command's defaults"
                + " (interests and bio, logistic regression, 10-fold cross-validation) and answer its evaluation; the first model becomes active")
                .response("""
                        {"version":"20261130-090000-logistic","algorithm":"logistic","label":"cohort","trainingRows":2990,"withoutLabel":10,
                         "withSeveralLabels":0,"evaluation":"10-fold cross-validation","testedRows":2990,"accuracy":0.91,"kappa":0.87,
                         "macroF1":0.88,"weightedF1":0.9,"perClass":[],"classes":["Explorers","Homebodies"],"confusionMatrix":[[1400,90],[180,1320]],
                         "active":false}"""), ctx -> ctx.json(models.train()));
    }

    Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("totalUsers", app.profiles().count());
        stats.put("totalCohorts", app.cohorts().cohorts().size());
        stats.put("totalSegments", app.segments().list().size());
        stats.put("predictionsRun", app.cohorts().predictedCount());
        return stats;
    }

    private void bulkJson(Context ctx) {
        JsonNode body = Requests.json(ctx, json);
        if (!body.isArray()) {
            throw ApiError.badRequest("The body must be a JSON list of profiles, not " + CompatProfiles.kind(body));
        }
        if (body.size() > MAX_RECORDS_PER_REQUEST) {
            throw ApiError.badRequest("At most " + MAX_RECORDS_PER_REQUEST + " profiles per request, not " + body.size());
        }
        List<Map<String, String>> records = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            try {
                records.add(CompatProfiles.toRecord(body.get(i)));
                positions.add(i);
            } catch (ApiError refused) {
                errors.add(error(i, refused.getMessage()));
            }
        }
        long processed = 0;
        if (!records.isEmpty()) {
            ProfileIngest.Outcome outcome = ingest.ingest("bulk-json", records, false);
            for (RecordBatch.Rejection rejection : outcome.rejections()) {
                errors.add(error(positions.get((int) rejection.position() - 1), rejection.reason()));
            }
            processed = outcome.stored();
        }
        errors.sort((a, b) -> Integer.compare((Integer) a.get("index"), (Integer) b.get("index")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("records_processed", processed);
        answer.put("errors", errors);
        ctx.json(answer);
    }

    private static Map<String, Object> error(int index, String reason) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("index", index);
        error.put("error", reason);
        return error;
    }

    private void bulkIngest(Context ctx) throws IOException, InterruptedException {
        ctx.json(bulkAnswer(upload.importFrom(ctx)));
    }

    private Map<String, Object> bulkAnswer(ImportSummary summary) throws IOException {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", summary.read());
        counts.put("success", summary.inserted() + summary.updated() + summary.duplicates());
        counts.put("failed", summary.rejected());
        counts.put("dry_run", summary.dryRun());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("summary", counts);
        answer.put("failed_log", failedLog(summary.rejectsFile()));
        answer.put("file", summary.file());
        answer.put("batchId", summary.batchId());
        answer.put("read", summary.read());
        answer.put("inserted", summary.inserted());
        answer.put("updated", summary.updated());
        answer.put("duplicates", summary.duplicates());
        answer.put("rejected", summary.rejected());
        answer.put("rejectsFile", summary.rejectsFile());
        answer.put("seconds", summary.seconds());
        if (summary.warning() != null) {
            answer.put("warning", summary.warning());
        }
        return answer;
    }

    private static List<Map<String, Object>> failedLog(String rejectsFile) throws IOException {
        List<Map<String, Object>> log = new ArrayList<>();
        if (rejectsFile == null || !Files.exists(Path.of(rejectsFile))) {
            return log;
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(Path.of(rejectsFile), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                if (log.size() == MAX_FAILED_LOG) {
                    break;
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("line", Long.parseLong(record.get("line")));
                entry.put("reason", record.get("reason"));
                entry.put("raw", record.get("raw"));
                log.add(entry);
            }
        }
        return log;
    }

    private void users(Context ctx) {
        int skip = Requests.intParam(ctx, "skip", 0, 0, Integer.MAX_VALUE);
        int limit = Requests.intParam(ctx, "limit", 1000, 0, ProfileBrowser.MAX_PAGE_SIZE);
        List<JsonNode> users = page(app.profileBrowser().page(ProfileQuery.ALL, skip, limit));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("users", users);
        answer.put("total", app.profiles().count());
        ctx.json(answer);
    }

    /** A page of profiles in the old shape, with their segments read in one query. */
    private List<JsonNode> page(List<Profile> profiles) {
        Map<Long, List<String>> segments = app.profileBrowser().segmentNames(profiles.stream().map(Profile::getId).toList());
        List<JsonNode> users = new ArrayList<>(profiles.size());
        for (Profile profile : profiles) {
            users.add(CompatProfiles.toJson(profile, segments.getOrDefault(profile.getId(), List.of())));
        }
        return users;
    }

    private void cleanUsers(Context ctx) {
        StoreCleaner.Result result = new StoreCleaner(app.profileBrowser(), app.profileEditor(), app.cleaner()).recleanAll();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", String.format(Locale.ROOT, "Cleaned %d profiles: %d values in %d profiles changed, %d values could not be"
                + " cleaned and were left as they were.", result.profilesChecked(), result.valuesChanged(), result.profilesChanged(),
                result.valuesLeftUncleanable()));
        answer.put("profilesChecked", result.profilesChecked());
        answer.put("profilesChanged", result.profilesChanged());
        answer.put("valuesChanged", result.valuesChanged());
        answer.put("valuesLeftUncleanable", result.valuesLeftUncleanable());
        ctx.json(answer);
    }

    private void user(Context ctx) {
        String cookie = ctx.queryParam("cookie");
        String email = ctx.queryParam("email");
        Optional<Profile> found;
        if (cookie != null && !cookie.isBlank()) {
            found = app.profiles().findByExternalId(cookie.strip());
        } else if (email != null && !email.isBlank()) {
            found = app.profiles().findByEmail(email.strip().toLowerCase(Locale.ROOT));
        } else {
            throw ApiError.badRequest("Give 'cookie' or 'email'");
        }
        ProfileDetail detail = found.flatMap(profile -> app.profileBrowser().detail(profile.getId()))
                .orElseThrow(() -> ApiError.notFound("No profile with that " + (cookie != null && !cookie.isBlank() ? "cookie" : "email")));
        ctx.json(Map.of("user_profile", CompatProfiles.toJson(detail)));
    }

    private void cohortUsers(Context ctx) {
        String cohort = ctx.queryParam("cohort");
        if (cohort == null || cohort.isBlank()) {
            throw ApiError.badRequest("Give the cohort as '?cohort=NAME'");
        }
        int limit = Requests.intParam(ctx, "limit", 100, 0, ProfileBrowser.MAX_PAGE_SIZE);
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        String known = app.cohorts().cohorts().stream().map(CohortSize::cohort)
                .filter(name -> name.equalsIgnoreCase(cohort.strip())).findFirst()
                .orElseThrow(() -> ApiError.notFound("No cohort named '" + Requests.shorten(cohort) + "'"));
        List<JsonNode> users = page(app.cohorts().members(known, limit, offset));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("cohort", known);
        answer.put("users", users);
        ctx.json(answer);
    }

    private void segmentUser(Context ctx) {
        Map<String, String> given = CompatProfiles.toRecord(Requests.json(ctx, json));
        String cookie = given.get("cookie");
        String email = given.get("email");
        Optional<Profile> found = cookie != null && !cookie.isBlank() ? app.profiles().findByExternalId(cookie.strip())
                : email != null && !email.isBlank() ? app.profiles().findByEmail(email.strip().toLowerCase(Locale.ROOT)) : null;
        if (found == null) {
            throw ApiError.badRequest("Give the profile's 'cookie' or 'email'");
        }
        ProfileDetail detail = found.flatMap(profile -> app.profileBrowser().detail(profile.getId()))
                .orElseThrow(() -> ApiError.notFound("No stored profile with that cookie or email; store it first with /ingest-single/bulk-json"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("cookie", detail.profile().getExternalId());
        answer.put("segments", detail.segments());
        ctx.json(answer);
    }

    private void bulkPredict(Context ctx) {
        JsonNode body = Requests.json(ctx, json);
        JsonNode list = body.isObject() && body.has("profiles") ? body.get("profiles") : body;
        if (!list.isArray()) {
            throw ApiError.badRequest("The body must be a JSON list of profiles, or {\"profiles\":[...]}");
        }
        List<Map<String, Object>> profiles = new ArrayList<>();
        for (JsonNode item : list) {
            profiles.add(object(item));
        }
        ctx.json(models.bulkPredict(profiles));
    }

    private Map<String, Object> object(JsonNode node) {
        if (!node.isObject()) {
            throw ApiError.badRequest("Expected a JSON object, not " + CompatProfiles.kind(node));
        }
        return json.convertValue(node, json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
    }
}
