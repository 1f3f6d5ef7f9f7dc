package org.cdpdesktop.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cdpdesktop.core.profile.ProfileField;

/**
 * Reads the text form of a rule, e.g.
 * {@code country in ("US","CA") AND age >= 25 AND (interests contains "travel" OR income > 100000) AND NOT segment "churned"}.
 * Recursive descent with precedence NOT over AND over OR; keywords ignore case. Errors name the 1-based position and
 * what was expected there. Grammar:
 * <pre>
 * rule    = or EOF
 * or      = and { "OR" and }
 * and     = unary { "AND" unary }
 * unary   = "NOT" unary | "(" or ")" | leaf
 * leaf    = field operator | "segment" STRING
 * field   = profile-field-key | "attribute" STRING | "interests" | "cohort" | "segment"
 * operator= ("=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "contains" | "not contains" | "starts with" | "ends with"
 *           | "matches") value | "between" value "and" value | ["not"] "in" list | "in last" NUMBER "days"
 *           | "is empty" | "is not empty"
 *           | the builder's words for the same: "is", "is not", "less than", "at most", "greater than", "at least",
 *             "does not contain", "matches regex", "is one of", "is none of", "in the last" NUMBER "days"
 * list    = "(" [ value { "," value } ] ")"
 * value   = STRING | NUMBER          STRING = "..." with \" \\ \n \t \r escapes
 * </pre>
 */
public final class RuleParser {

    /** Longer rule texts are refused before any work is done. */
    public static final int MAX_LENGTH = 20_000;
    private static final int MAX_DEPTH = 100;

    private final List<Token> tokens;
    private int next;
    private int depth;

    private RuleParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code text}; throws {@link RuleSyntaxException} naming the position and the expected token. */
    public static Condition parse(String text) {
        if (text == null) {
            throw new RuleSyntaxException(1, "a condition", "the rule is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new RuleSyntaxException(MAX_LENGTH + 1, "the end of the rule",
                    "the rule is longer than " + MAX_LENGTH + " characters");
        }
        RuleParser parser = new RuleParser(new Lexer(text).tokens());
        if (parser.peek().type() == TokenType.END) {
            throw new RuleSyntaxException(1, "a condition", "the rule is empty; expected a condition");
        }
        Condition condition = parser.or();
        Token end = parser.peek();
        if (end.type() != TokenType.END) {
            throw new RuleSyntaxException(end.position(), "AND, OR or the end of the rule",
                    "expected AND, OR or the end of the rule, found " + end.describe());
        }
        return condition;
    }

    private Condition or() {
        List<Condition> parts = new ArrayList<>();
        parts.add(and());
        while (peekWord("or")) {
            next++;
            parts.add(and());
        }
        return Group.of(GroupKind.OR, parts);
    }

    private Condition and() {
        List<Condition> parts = new ArrayList<>();
        parts.add(unary());
        while (peekWord("and")) {
            next++;
            parts.add(unary());
        }
        return Group.of(GroupKind.AND, parts);
    }

    private Condition unary() {
        Token token = peek();
        if (++depth > MAX_DEPTH) {
            throw new RuleSyntaxException(token.position(), "fewer nested conditions",
                    "conditions are nested more than " + MAX_DEPTH + " deep");
        }
        try {
            if (token.isWord("not")) {
                next++;
                return new Not(unary());
            }
            if (token.type() == TokenType.LEFT) {
                next++;
                Condition inner = or();
                Token close = peek();
                if (close.type() != TokenType.RIGHT) {
                    throw new RuleSyntaxException(close.position(), "')'", "expected ')' to close the '(' at position "
                            + token.position() + ", found " + close.describe());
                }
                next++;
                return inner;
            }
            return leaf();
        } finally {
            depth--;
        }
    }

    private Condition leaf() {
        Token start = take();
        if (start.type() != TokenType.WORD) {
            throw new RuleSyntaxException(start.position(), "a field name, NOT or '('",
                    "expected a field name, NOT or '(', found " + start.describe());
        }
        FieldRef field = field(start);
        if (field.kind() == FieldKind.SEGMENT && peek().type() == TokenType.STRING) {
            Token name = take();
            return leaf(field, Operator.EQ, List.of(name));
        }
        Token operatorToken = peek();
        Operator operator = operator(field, start);
        List<Token> values = switch (operator) {
            case IS_EMPTY, IS_NOT_EMPTY -> List.of();
            case IN, NOT_IN -> list();
            case BETWEEN -> {
                Token low = value("between");
                expectWord("and", "AND between the two values of 'between'");
                yield List.of(low, value("and"));
            }
            case IN_LAST_DAYS -> {
                Token days = take();
                if (days.type() != TokenType.NUMBER) {
                    throw new RuleSyntaxException(days.position(), "a number of days",
                            "expected a number of days after 'in last', found " + days.describe());
                }
                if (!peekWord("days") && !peekWord("day")) {
                    throw new RuleSyntaxException(peek().position(), "'days'",
                            "expected 'days' after 'in last " + days.text() + "', found " + peek().describe());
                }
                next++;
                yield List.of(days);
            }
            default -> List.of(value(operatorToken.text()));
        };
        return leaf(field, operator, values);
    }

    private Condition leaf(FieldRef field, Operator operator, List<Token> valueTokens) {
        List<String> values = valueTokens.stream().map(Token::text).toList();
        Optional<LeafRules.Problem> problem = LeafRules.check(field, operator, values);
        if (problem.isPresent()) {
            int index = problem.get().valueIndex();
            int position = index >= 0 ? valueTokens.get(index).position() : valueTokens.isEmpty()
                    ? peek().position() : valueTokens.get(0).position();
            throw new RuleSyntaxException(position, problem.get().expected(), problem.get().message());
        }
        return new Leaf(field, operator, values);
    }

    private FieldRef field(Token word) {
        String name = word.text().toLowerCase(Locale.ROOT);
        switch (name) {
            case "attribute" -> {
                Token attribute = take();
                if (attribute.type() != TokenType.STRING || attribute.text().isBlank()) {
                    throw new RuleSyntaxException(attribute.position(), "an attribute name in quotes",
                            "expected an attribute name in quotes after 'attribute', found " + attribute.describe());
                }
                return FieldRef.attribute(attribute.text());
            }
            case "interests" -> {
                return FieldRef.interests();
            }
            case "cohort", "cohorts" -> {
                return FieldRef.cohort();
            }
            case "segment" -> {
                return FieldRef.segment();
            }
            default -> {
                Optional<ProfileField> field = ProfileField.byName(word.text());
                if (field.isEmpty()) {
                    throw new RuleSyntaxException(word.position(), "a field name", "unknown field '" + word.text()
                            + "'; custom attributes are written attribute \"" + word.text() + "\"");
                }
                return FieldRef.profile(field.get());
            }
        }
    }

    private Operator operator(FieldRef field, Token fieldToken) {
        Token token = take();
        Operator operator = switch (token.type()) {
            case SYMBOL -> switch (token.text()) {
                case "=" -> Operator.EQ;
                case "!=", "<>" -> Operator.NE;
                case "<" -> Operator.LT;
                case "<=" -> Operator.LE;
                case ">" -> Operator.GT;
                case ">=" -> Operator.GE;
                default -> null;
            };
            case WORD -> switch (token.text().toLowerCase(Locale.ROOT)) {
                case "between" -> Operator.BETWEEN;
                case "contains" -> Operator.CONTAINS;
                case "matches" -> {
                    if (peekWord("regex")) {
                        next++;
                    }
                    yield Operator.MATCHES;
                }
                case "starts" -> afterWord("with", Operator.STARTS_WITH, "'with' after 'starts'");
                case "ends" -> afterWord("with", Operator.ENDS_WITH, "'with' after 'ends'");
                case "less" -> afterWord("than", Operator.LT, "'than' after 'less'");
                case "greater" -> afterWord("than", Operator.GT, "'than' after 'greater'");
                case "at" -> {
                    Token what = take();
                    if (what.isWord("least")) {
                        yield Operator.GE;
                    }
                    if (what.isWord("most")) {
                        yield Operator.LE;
                    }
                    throw new RuleSyntaxException(what.position(), "'least' or 'most'",
                            "expected 'least' or 'most' after 'at', found " + what.describe());
                }
                case "does" -> {
                    expectWord("not", "'not contain' after 'does'");
                    yield afterWord("contain", Operator.NOT_CONTAINS, "'contain' after 'does not'");
                }
                case "in" -> {
                    if (peekWord("the")) {
                        next++;
                        yield afterWord("last", Operator.IN_LAST_DAYS, "'last' after 'in the'");
                    }
                    if (peekWord("last")) {
                        next++;
                        yield Operator.IN_LAST_DAYS;
                    }
                    yield Operator.IN;
                }
                case "not" -> {
                    Token what = take();
                    if (what.isWord("contains")) {
                        yield Operator.NOT_CONTAINS;
                    }
                    if (what.isWord("in")) {
                        yield Operator.NOT_IN;
                    }
                    throw new RuleSyntaxException(what.position(), "'contains' or 'in'",
                            "expected 'contains' or 'in' after 'not', found " + what.describe());
                }
                case "is" -> is();
                default -> null;
            };
            default -> null;
        };
        if (operator == null) {
            throw new RuleSyntaxException(token.position(), "an operator",
                    "expected an operator after '" + fieldToken.text() + "' (one of "
                            + String.join(", ", field.valueType().operators().stream().map(Operator::text).toList())
                            + "), found " + token.describe());
        }
        if (!field.valueType().allows(operator)) {
            throw new RuleSyntaxException(token.position(), "an operator for " + field.label(),
                    "'" + operator.text() + "' does not apply to " + field.label() + "; use one of "
                            + String.join(", ", field.valueType().operators().stream().map(Operator::text).toList()));
        }
        return operator;
    }

    /** The builder's words: "is", "is not", "is empty", "is not empty", "is one of", "is none of". */
    private Operator is() {
        if (peekWord("not")) {
            next++;
            if (peekWord("empty")) {
                next++;
                return Operator.IS_NOT_EMPTY;
            }
            return Operator.NE;
        }
        if (peekWord("empty")) {
            next++;
            return Operator.IS_EMPTY;
        }
        if (peekWord("one")) {
            next++;
            return afterWord("of", Operator.IN, "'of' after 'is one'");
        }
        if (peekWord("none")) {
            next++;
            return afterWord("of", Operator.NOT_IN, "'of' after 'is none'");
        }
        return Operator.EQ;
    }

    private Operator afterWord(String word, Operator operator, String expected) {
        expectWord(word, expected);
        return operator;
    }

    private void expectWord(String word, String expected) {
        Token token = take();
        if (!token.isWord(word)) {
            throw new RuleSyntaxException(token.position(), expected, "expected " + expected + ", found " + token.describe());
        }
    }

    private Token value(String after) {
        Token token = take();
        if (token.type() != TokenType.STRING && token.type() != TokenType.NUMBER) {
            throw new RuleSyntaxException(token.position(), "a value",
                    "expected a value after '" + after + "', found " + token.describe());
        }
        return token;
    }

    private List<Token> list() {
        Token open = take();
        if (open.type() != TokenType.LEFT) {
            throw new RuleSyntaxException(open.position(), "'('",
                    "expected a list of values in parentheses, like (\"a\", \"b\"), found " + open.describe());
        }
        List<Token> values = new ArrayList<>();
        if (peek().type() == TokenType.RIGHT) {
            next++;
            return values;
        }
        values.add(value("("));
        while (peek().type() == TokenType.COMMA) {
            next++;
            values.add(value(","));
        }
        Token close = take();
        if (close.type() != TokenType.RIGHT) {
            throw new RuleSyntaxException(close.position(), "',' or ')'",
                    "expected ',' or ')' in the list that starts at position " + open.position() + ", found "
                            + close.describe());
        }
        return values;
    }

    private boolean peekWord(String word) {
        return peek().isWord(word);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.type() != TokenType.END) {
            next++;
        }
        return token;
    }

    enum TokenType { WORD, STRING, NUMBER, SYMBOL, LEFT, RIGHT, COMMA, END }

    record Token(TokenType type, String text, int position) {

        boolean isWord(String word) {
            return type == TokenType.WORD && text.equalsIgnoreCase(word);
        }

        String describe() {
            return switch (type) {
                case END -> "the end of the rule";
                case STRING -> "\"" + text + "\"";
                default -> "'" + text + "'";
            };
        }
    }

    private static final class Lexer {

        private final String text;
        private int at;

        Lexer(String text) {
            this.text = text;
        }

        List<Token> tokens() {
            List<Token> tokens = new ArrayList<>();
            while (true) {
                while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
                if (at >= text.length()) {
                    tokens.add(new Token(TokenType.END, "", text.length() + 1));
                    return tokens;
                }
                tokens.add(token());
            }
        }

        private Token token() {
            int start = at;
            char c = text.charAt(at);
            if (c == '(') {
                at++;
                return new Token(TokenType.LEFT, "(", start + 1);
            }
            if (c == ')') {
                at++;
                return new Token(TokenType.RIGHT, ")", start + 1);
            }
            if (c == ',') {
                at++;
                return new Token(TokenType.COMMA, ",", start + 1);
            }
            if (c == '"') {
                return string();
            }
            if (Character.isDigit(c) || (c == '-' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
                at++;
                while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                    at++;
                }
                return new Token(TokenType.NUMBER, text.substring(start, at), start + 1);
            }
            if (Character.isLetter(c) || c == '_') {
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
                    at++;
                }
                return new Token(TokenType.WORD, text.substring(start, at), start + 1);
            }
            for (String symbol : List.of("<=", ">=", "!=", "<>", "=", "<", ">")) {
                if (text.startsWith(symbol, at)) {
                    at += symbol.length();
                    return new Token(TokenType.SYMBOL, symbol, start + 1);
                }
            }
            throw new RuleSyntaxException(start + 1, "a field, operator or value", "unexpected character '" + c + "'");
        }

        private Token string() {
            int start = at;
            at++;
            StringBuilder value = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return new Token(TokenType.STRING, value.toString(), start + 1);
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    break;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case '"' -> value.append('"');
                    case '\\' -> value.append('\\');
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    default -> throw new RuleSyntaxException(at - 1, "one of \\\" \\\\ \\n \\t \\r",
                            "unknown escape '\\" + escaped + "' in the text starting at position " + (start + 1));
                }
            }
            throw new RuleSyntaxException(start + 1, "a closing '\"'",
                    "the text starting at position " + (start + 1) + " has no closing '\"'");
        }
    }
}
