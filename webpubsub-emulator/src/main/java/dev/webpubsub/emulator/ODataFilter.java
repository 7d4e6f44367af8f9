package dev.webpubsub.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The OData filter subset the service accepts on sends and bulk group operations: identifiers {@code userId},
 * {@code connectionId}, {@code groups} and {@code protocol}; {@code and}, {@code or}, {@code not}; comparisons
 * {@code eq ne gt ge lt le}; {@code in} with a parenthesised list or a collection; string, integer, boolean and
 * {@code null} literals; and the functions {@code tolower}, {@code toupper}, {@code trim}, {@code substring},
 * {@code concat}, {@code indexof}, {@code contains}, {@code startswith}, {@code endswith} and {@code length}.
 */
final class ODataFilter {

	private static final int MAX_CLAUSES = 100;

	private final Expression expression;

	private ODataFilter(Expression expression) {
		this.expression = expression;
	}

	/**
	 * Parses a filter.
	 * @param filter the filter text
	 * @return the filter
	 * @throws IllegalArgumentException with a message that says what is wrong
	 */
	static ODataFilter parse(String filter) {
		Parser parser = new Parser(filter);
		Expression expression = parser.parseOr();
		parser.expectEnd();
		return new ODataFilter(expression);
	}

	/**
	 * Tells whether a connection matches.
	 * @param connection the connection
	 * @return whether the filter evaluates to {@code true}
	 */
	boolean matches(ClientConnection connection) {
		return Boolean.TRUE.equals(this.expression.evaluate((name) -> switch (name) {
			case "userId" -> connection.userId();
			case "connectionId" -> connection.id();
			case "groups" -> List.copyOf(connection.groups());
			case "protocol" -> connection.subprotocol();
			default -> throw new IllegalStateException(name);
		}));
	}

	@FunctionalInterface
	private interface Expression {

		@Nullable Object evaluate(Function<String, @Nullable Object> identifiers);

	}

	private static final class Parser {

		private final String text;

		private int position;

		private int clauses;

		Parser(String text) {
			this.text = text;
		}

		Expression parseOr() {
			Expression left = parseAnd();
			while (keyword("or")) {
				Expression l = left;
				Expression r = parseAnd();
				left = (ids) -> Boolean.TRUE.equals(l.evaluate(ids)) || Boolean.TRUE.equals(r.evaluate(ids));
			}
			return left;
		}

		private Expression parseAnd() {
			Expression left = parseNot();
			while (keyword("and")) {
				Expression l = left;
				Expression r = parseNot();
				left = (ids) -> Boolean.TRUE.equals(l.evaluate(ids)) && Boolean.TRUE.equals(r.evaluate(ids));
			}
			return left;
		}

		private Expression parseNot() {
			if (keyword("not")) {
				Expression operand = parseNot();
				return (ids) -> {
					Object value = operand.evaluate(ids);
					return (value instanceof Boolean b) ? !b : null;
				};
			}
			return parseComparison();
		}

		private Expression parseComparison() {
			Expression left = parsePrimary();
			for (String operator : List.of("eq", "ne", "gt", "ge", "lt", "le", "in")) {
				if (keyword(operator)) {
					if (++this.clauses > MAX_CLAUSES) {
						throw error("too many clauses (at most " + MAX_CLAUSES + ")");
					}
					Expression right = operator.equals("in") ? parseInTarget() : parsePrimary();
					return comparison(operator, left, right);
				}
			}
			return left;
		}

		private Expression parseInTarget() {
			skipSpaces();
			if (peek() != '(') {
				return parsePrimary();
			}
			this.position++;
			List<Expression> items = new ArrayList<>();
			skipSpaces();
			if (peek() != ')') {
				do {
					items.add(parsePrimary());
				}
				while (symbol(','));
			}
			expectSymbol(')');
			return (ids) -> {
				List<@Nullable Object> values = new ArrayList<>();
				items.forEach((item) -> values.add(item.evaluate(ids)));
				return values;
			};
		}

		private Expression parsePrimary() {
			skipSpaces();
			if (this.position >= this.text.length()) {
				throw error("unexpected end of the filter");
			}
			char c = peek();
			if (c == '(') {
				this.position++;
				Expression inner = parseOr();
				expectSymbol(')');
				return inner;
			}
			if (c == '\'') {
				String value = parseString();
				return (ids) -> value;
			}
			if (c == '-' || Character.isDigit(c)) {
				int start = this.position++;
				while (this.position < this.text.length() && Character.isDigit(peek())) {
					this.position++;
				}
				try {
					long value = Long.parseLong(this.text.substring(start, this.position));
					return (ids) -> value;
				}
				catch (NumberFormatException ex) {
					throw error("invalid number");
				}
			}
			String word = parseWord();
			switch (word) {
				case "true":
					return (ids) -> Boolean.TRUE;
				case "false":
					return (ids) -> Boolean.FALSE;
				case "null":
					return (ids) -> null;
				case "userId", "connectionId", "groups", "protocol":
					return (ids) -> ids.apply(word);
				default:
					skipSpaces();
					if (peek() == '(') {
						return parseFunction(word);
					}
					throw error("unknown identifier '" + word + "'");
			}
		}

		private Expression parseFunction(String name) {
			this.position++;
			List<Expression> arguments = new ArrayList<>();
			skipSpaces();
			if (peek() != ')') {
				do {
					arguments.add(parseOr());
				}
				while (symbol(','));
			}
			expectSymbol(')');
			int arity = arguments.size();
			boolean valid = switch (name) {
				case "tolower", "toupper", "trim", "length" -> arity == 1;
				case "concat", "indexof", "contains", "startswith", "endswith" -> arity == 2;
				case "substring" -> arity == 2 || arity == 3;
				default -> throw error("unknown function '" + name + "'");
			};
			if (!valid) {
				throw error("wrong number of arguments for " + name);
			}
			return (ids) -> {
				List<@Nullable Object> values = new ArrayList<>();
				arguments.forEach((argument) -> values.add(argument.evaluate(ids)));
				return apply(name, values);
			};
		}

		private static @Nullable Object apply(String name, List<@Nullable Object> args) {
			Object first = args.get(0);
			if (name.equals("length")) {
				return (first instanceof String s) ? (Object) (long) s.length()
						: (first instanceof Collection<?> c) ? (Object) (long) c.size() : null;
			}
			if (!(first instanceof String s)) {
				return null;
			}
			Object second = (args.size() > 1) ? args.get(1) : null;
			switch (name) {
				case "tolower":
					return s.toLowerCase(Locale.ROOT);
				case "toupper":
					return s.toUpperCase(Locale.ROOT);
				case "trim":
					return s.trim();
				case "substring": {
					if (!(second instanceof Long start) || start < 0 || start > s.length()) {
						return null;
					}
					if (args.size() == 3) {
						if (!(args.get(2) instanceof Long length) || length < 0) {
							return null;
						}
						return s.substring(start.intValue(), (int) Math.min(s.length(), start + length));
					}
					return s.substring(start.intValue());
				}
				default:
					break;
			}
			if (!(second instanceof String t)) {
				return null;
			}
			return switch (name) {
				case "concat" -> s + t;
				case "indexof" -> (long) s.indexOf(t);
				case "contains" -> s.contains(t);
				case "startswith" -> s.startsWith(t);
				case "endswith" -> s.endsWith(t);
				default -> null;
			};
		}

		private static Expression comparison(String operator, Expression left, Expression right) {
			return (ids) -> {
				Object l = left.evaluate(ids);
				Object r = right.evaluate(ids);
				switch (operator) {
					case "eq":
						return Objects.equals(l, r);
					case "ne":
						return !Objects.equals(l, r);
					case "in":
						return (r instanceof Collection<?> c) && c.contains(l);
					default:
						break;
				}
				int order;
				if (l instanceof String a && r instanceof String b) {
					order = a.compareTo(b);
				}
				else if (l instanceof Long a && r instanceof Long b) {
					order = Long.compare(a, b);
				}
				else {
					return false;
				}
				return switch (operator) {
					case "gt" -> order > 0;
					case "ge" -> order >= 0;
					case "lt" -> order < 0;
					default -> order <= 0;
				};
			};
		}

		private String parseString() {
			StringBuilder value = new StringBuilder();
			this.position++;
			while (this.position < this.text.length()) {
				char c = this.text.charAt(this.position++);
				if (c == '\'') {
					if (this.position < this.text.length() && this.text.charAt(this.position) == '\'') {
						value.append('\'');
						this.position++;
						continue;
					}
					return value.toString();
				}
				value.append(c);
			}
			throw error("unterminated string");
		}

		private String parseWord() {
			int start = this.position;
			while (this.position < this.text.length()
					&& (Character.isLetterOrDigit(peek()) || peek() == '_')) {
				this.position++;
			}
			if (start == this.position) {
				throw error("unexpected character '" + peek() + "'");
			}
			return this.text.substring(start, this.position);
		}

		private boolean keyword(String keyword) {
			skipSpaces();
			int end = this.position + keyword.length();
			if (this.text.regionMatches(this.position, keyword, 0, keyword.length())
					&& (end == this.text.length() || !Character.isLetterOrDigit(this.text.charAt(end)))) {
				this.position = end;
				return true;
			}
			return false;
		}

		private boolean symbol(char symbol) {
			skipSpaces();
			if (this.position < this.text.length() && peek() == symbol) {
				this.position++;
				return true;
			}
			return false;
		}

		private void expectSymbol(char symbol) {
			if (!symbol(symbol)) {
				throw error("expected '" + symbol + "'");
			}
		}

		void expectEnd() {
			skipSpaces();
			if (this.position != this.text.length()) {
				throw error("unexpected text");
			}
		}

		private char peek() {
			return (this.position < this.text.length()) ? this.text.charAt(this.position) : '\0';
		}

		private void skipSpaces() {
			while (this.position < this.text.length() && Character.isWhitespace(peek())) {
				this.position++;
			}
		}

		private IllegalArgumentException error(String problem) {
			return new IllegalArgumentException(
					"Invalid filter at position " + this.position + ": " + problem);
		}

	}

}
