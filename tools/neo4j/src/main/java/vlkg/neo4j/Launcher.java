package vlkg.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.server.CommunityBootstrapper;

/**
 * Runs a Neo4j 5.26 Community server in this JVM, as the neo4j tarball would, for
 * development and CI machines without Docker.
 *
 * <p>Why a launcher and not the tarball: the tarball is not published where our machines can
 * fetch packages, but the same server classes are on Maven Central. The launcher writes
 * {@code conf/neo4j.conf} under the home folder on every start (so the settings in the
 * repository are the settings that run), starts {@link CommunityBootstrapper} (Bolt, HTTP,
 * Neo4j Browser, APOC from {@code plugins/}), sets the {@code neo4j} user's password from
 * {@code NEO4J_PASSWORD} without a forced change, and only then writes the {@code ready} file
 * that scripts/neo4j.sh waits for: a client never sees the default password window.
 *
 * <p>Usage: {@code java [JVM flags] -cp 'lib/*:vlkg-neo4j.jar' vlkg.neo4j.Launcher HOME
 * PLUGINS}. Settings come from the environment: NEO4J_PASSWORD (required, 8+ characters),
 * NEO4J_HOST (127.0.0.1), NEO4J_BOLT_PORT (7687), NEO4J_HTTP_PORT (7474), NEO4J_PAGECACHE
 * (512m).
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            fail("usage: Launcher HOME PLUGINS", 2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path plugins = Path.of(args[1]).toAbsolutePath();
        String password = env("NEO4J_PASSWORD", "");
        if (password.length() < 8) {
            fail("NEO4J_PASSWORD must be set, 8 characters or more (Neo4j's minimum)", 2);
        }
        String host = env("NEO4J_HOST", "127.0.0.1");
        int bolt = port("NEO4J_BOLT_PORT", 7687);
        int http = port("NEO4J_HTTP_PORT", 7474);
        Path ready = home.resolve("ready");
        Files.deleteIfExists(ready);
        Path conf = writeConfig(home, plugins, host, bolt, http, env("NEO4J_PAGECACHE", "512m"));

        CommunityBootstrapper server = new CommunityBootstrapper();
        int status = server.start(home, conf, Map.of(), false, false);
        if (status != 0) {
            fail("Neo4j did not start (status " + status + "); see " + home.resolve("logs"), status);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(ready);
            } catch (IOException ignored) {
                // the script removes it too
            }
            if (server.isRunning()) {
                server.stop();
            }
        }, "vlkg-neo4j-stop"));
        try {
            setPassword(server.getDatabaseManagementService(), password);
        } catch (RuntimeException e) {
            server.stop();
            fail("could not set the neo4j user's password: " + e.getMessage(), 1);
        }
        String url = "bolt://" + host + ":" + bolt;
        Files.writeString(ready, url + "\nhttp://" + host + ":" + http + "/browser/\n", StandardCharsets.UTF_8);
        System.out.println("vlkg-neo4j: Neo4j Community " + org.neo4j.kernel.internal.Version.getNeo4jVersion()
                + " ready at " + url + " (Browser: http://" + host + ":" + http + "/browser/)");
        Thread.currentThread().join(); // the server's threads keep the JVM up; a signal stops it
    }

    /** The settings of a small single-user server; rewritten on every start. */
    static Path writeConfig(Path home, Path plugins, String host, int bolt, int http, String pagecache)
            throws IOException {
        Files.createDirectories(home.resolve("conf"));
        List<String> lines = List.of(
                "# Written by vlkg.neo4j.Launcher on every start; edit tools/neo4j, not this file.",
                "server.default_listen_address=" + host,
                "server.default_advertised_address=" + host,
                "server.bolt.enabled=true",
                "server.bolt.listen_address=" + host + ":" + bolt,
                "server.bolt.advertised_address=" + host + ":" + bolt,
                "server.http.enabled=true",
                "server.http.listen_address=" + host + ":" + http,
                "server.http.advertised_address=" + host + ":" + http,
                "server.https.enabled=false",
                "dbms.security.auth_enabled=true",
                "server.directories.plugins=" + plugins,
                "dbms.security.procedures.unrestricted=apoc.*",
                // The page cache holds the store files; our graphs are small, and the machine
                // (2 cores, 24 GB) is shared with the API, the tests and other work.
                "server.memory.pagecache.size=" + pagecache,
                "db.tx_log.rotation.retention_policy=256M size",
                "dbms.usage_report.enabled=false",
                "browser.remote_content_hostname_whitelist=localhost,127.0.0.1");
        Path conf = home.resolve("conf").resolve("neo4j.conf");
        Files.write(conf, lines, StandardCharsets.UTF_8);
        return conf;
    }

    /**
     * Sets the password of the built-in {@code neo4j} user, with no change required at the
     * next login. Run on every start, so a changed NEO4J_PASSWORD takes effect; Neo4j refuses
     * to "change" a password to itself, which means it is already right.
     */
    static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (QueryExecutionException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.contains("cannot be the same")) {
                throw e;
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int port(String name, int fallback) {
        String value = env(name, String.valueOf(fallback));
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        fail(name + " is not a port number: " + value, 2);
        return fallback;
    }

    private static void fail(String message, int status) {
        System.err.println("vlkg-neo4j: " + message);
        System.exit(status);
    }
}
