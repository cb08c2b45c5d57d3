package io.paprika.kernel.query;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;

/**
 * The one way the query layer parses SQL. JSqlParser parses on an executor thread (to time out
 * runaway inputs) and, given none, starts a fresh thread for every call — a few hundred
 * microseconds each, several times per query — and may leave it behind when parsing fails. A
 * shared pool of daemon threads does the same work without either cost.
 */
public final class SqlParser {
    private static final ExecutorService PARSERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "sql-parser");
        thread.setDaemon(true);
        return thread;
    });

    private SqlParser() {
    }

    /** One statement. */
    public static Statement parse(String sql) throws JSQLParserException {
        return CCJSqlParserUtil.parse(sql, PARSERS, parser -> {
        });
    }

    /** Every statement in the text, however many. */
    public static Statements parseAll(String sql) throws JSQLParserException {
        return CCJSqlParserUtil.parseStatements(sql, PARSERS, parser -> {
        });
    }

    /** The first line of a parser message, which goes on to list every token it expected. */
    public static String firstLine(String message) {
        if (message == null) {
            return "could not parse the query";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
