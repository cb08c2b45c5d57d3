package io.paprika.kernel.query;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Admits exactly one read-only query: a SELECT (or WITH/VALUES/FROM/TABLE form of it) that reads datasets and
 * views and nothing else — no writes, no session or engine commands, no files, no engine internals. The
 * engines would run any of those, so this check is what keeps {@code /v1/sql} and Flight SQL read-only.
 */
final class ReadOnlyGuard {
    static final String ONLY_READS = "only read-only queries (SELECT, WITH ... SELECT) over datasets and views "
            + "are allowed";

    /** Statement keywords a refusal names when JSqlParser cannot parse the statement they start (COPY, PRAGMA...). */
    private static final Set<String> COMMANDS = Set.of("COPY", "PRAGMA", "INSTALL", "FORCE", "LOAD", "ATTACH",
            "DETACH", "EXPORT", "IMPORT", "CHECKPOINT", "VACUUM", "SHUTDOWN", "SCRIPT", "RUNSCRIPT", "BACKUP",
            "PREPARE", "DEALLOCATE", "BEGIN", "START", "COMMIT", "ROLLBACK", "ABORT", "END", "CREATE", "ALTER", "DROP",
            "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "REPLACE", "TRUNCATE", "SET", "RESET", "CALL", "GRANT",
            "REVOKE", "USE", "EXECUTE", "EXEC", "ANALYZE", "COMMENT", "RENAME", "REFRESH", "DECLARE", "SAVEPOINT");

    private ReadOnlyGuard() {
    }

    /** The one statement in {@code sql}, after checking it only reads; otherwise a 400 saying what was refused. */
    static Statement check(String sql) throws QueryException {
        try {
            return check(SqlParser.parseAll(sql));
        } catch (JSQLParserException e) {
            throw unparsable(sql, e);
        }
    }

    /** The one statement of an already parsed request, after checking it only reads. */
    static Statement check(Statements statements) throws QueryException {
        if (statements.size() != 1) {
            throw refused(statements.isEmpty() ? "an empty query" : "sending " + statements.size()
                    + " statements in one request (" + statements.stream().map(st -> firstWord(st.toString()))
                    .collect(Collectors.joining("; ")) + "; send one query per request)");
        }
        Statement statement = statements.get(0);
        if (!(statement instanceof Select)) {
            throw refused("the " + firstWord(statement.toString()) + " statement");
        }
        try {
            new ReadOnlyWalker().getTables(statement);
        } catch (ReadOnlyWalker.Refusal r) {
            throw refused(r.getMessage());
        } catch (UnsupportedOperationException e) {
            // fail closed: a query the walker cannot see all of is not known to be read-only
            throw refused("a query the read-only check cannot follow (" + e.getMessage() + ")");
        }
        return statement;
    }

    private static QueryException refused(String what) {
        return new QueryException(QueryException.Kind.INVALID_ARGUMENT, what + " is not allowed; " + ONLY_READS);
    }

    /**
     * JSqlParser knows no COPY, PRAGMA, ATTACH, INSTALL...: when the failing statement starts with such a
     * command (read by JSqlParser's own lexer), refuse it by name; any other parse failure is an SQL error.
     */
    static QueryException unparsable(String sql, JSQLParserException e) {
        String command = firstToken(sql);
        if (COMMANDS.contains(command)) {
            return refused("the " + command + " statement");
        }
        ParseException parse = parseException(e);
        Token next = parse == null || parse.currentToken == null ? null : parse.currentToken.next;
        if (next != null && next.kind != 0 && ";".equals(parse.currentToken.image)) {
            String second = next.image == null ? "" : next.image.toUpperCase(Locale.ROOT);
            return refused("sending several statements in one request ("
                    + (COMMANDS.contains(second) ? "the second is " + second + "; " : "") + "send one query per request)");
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new QueryException(QueryException.Kind.INVALID_ARGUMENT, "SQL error: " + SqlParser.firstLine(cause.getMessage()));
    }

    private static String firstToken(String sql) {
        try {
            Token token = CCJSqlParserUtil.newParser(sql).getNextToken();
            return token == null || token.image == null ? "" : token.image.toUpperCase(Locale.ROOT);
        } catch (TokenMgrException e) {
            return "";
        }
    }

    private static ParseException parseException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParseException p) {
                return p;
            }
        }
        return null;
    }

    private static String firstWord(String deparsed) {
        String s = deparsed.strip();
        int space = s.indexOf(' ');
        return (space < 0 ? s : s.substring(0, space)).toUpperCase(Locale.ROOT);
    }
}
