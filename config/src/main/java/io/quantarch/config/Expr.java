package io.quantarch.config;

import java.util.Locale;
import java.util.Map;

/**
 * Arithmetic expressions in configuration values, as Timeloop's templated designs write them ({@code depth * 2},
 * {@code max(INPUT_WEIGHT_DATAWIDTH, 16)}, {@code ceil(log2(depth))}): numbers, variables, {@code + - * / // % **},
 * parentheses, comparisons {@code < <= > >= == !=}, and the functions max, min, ceil, floor, round, abs, int, log2,
 * sqrt. A recursive-descent evaluator over doubles; a name it does not know is an error naming it.
 */
public final class Expr {

    private final String text;
    private final Map<String, Double> vars;
    private int pos;

    private Expr(String text, Map<String, Double> vars) {
        this.text = text;
        this.vars = vars;
    }

    /** The value of {@code text} with {@code vars}; throws {@link IllegalArgumentException} saying what was wrong and where. */
    public static double eval(String text, Map<String, Double> vars) {
        Expr e = new Expr(text, vars);
        double v = e.comparison();
        e.skip();
        if (e.pos != text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(e.pos) + "' in expression '" + text + "'");
        }
        return v;
    }

    private double comparison() {
        double a = sum();
        skip();
        for (String op : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                double b = sum();
                boolean r = switch (op) {
                    case "<=" -> a <= b;
                    case ">=" -> a >= b;
                    case "==" -> a == b;
                    case "!=" -> a != b;
                    case "<" -> a < b;
                    default -> a > b;                                         // open: the last operator of the list above
                };
                return r ? 1 : 0;
            }
        }
        return a;
    }

    private double sum() {
        double v = product();
        while (true) {
            skip();
            if (eat('+')) {
                v += product();
            } else if (peek() == '-') {
                pos++;
                v -= product();
            } else {
                return v;
            }
        }
    }

    private double product() {
        double v = power();
        while (true) {
            skip();
            if (text.startsWith("//", pos)) {
                pos += 2;
                v = Math.floor(v / power());
            } else if (text.startsWith("**", pos)) {
                return v;
            } else if (eat('*')) {
                v *= power();
            } else if (eat('/')) {
                v /= power();
            } else if (eat('%')) {
                double d = power();
                v = v - d * Math.floor(v / d);
            } else {
                return v;
            }
        }
    }

    private double power() {
        double base = unary();
        skip();
        if (text.startsWith("**", pos)) {
            pos += 2;
            return Math.pow(base, power());
        }
        return base;
    }

    private double unary() {
        skip();
        if (eat('-')) {
            return -unary();
        }
        if (eat('+')) {
            return unary();
        }
        return atom();
    }

    private double atom() {
        skip();
        if (eat('(')) {
            double v = comparison();
            expect(')');
            return v;
        }
        int start = pos;
        if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.' || text.charAt(pos) == 'e'
                    || text.charAt(pos) == 'E' || ((text.charAt(pos) == '-' || text.charAt(pos) == '+') && pos > start
                    && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')))) {
                pos++;
            }
            return Double.parseDouble(text.substring(start, pos));
        }
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("expected a number, a name or '(' at '" + text.substring(pos) + "' in '" + text + "'");
        }
        String name = text.substring(start, pos);
        skip();
        if (eat('(')) {
            return call(name);
        }
        switch (name) {
            case "True", "true" -> {
                return 1;
            }
            case "False", "false" -> {
                return 0;
            }
            default -> {                                                      // open: any other name is a variable
                Double v = vars.get(name);
                if (v == null) {
                    throw new IllegalArgumentException("unknown name '" + name + "' in expression '" + text + "'"
                            + Names.didYouMean(vars.keySet(), name));
                }
                return v;
            }
        }
    }

    private double call(String fn) {
        double a = comparison();
        skip();
        double b = Double.NaN;
        if (eat(',')) {
            b = comparison();
            skip();
        }
        expect(')');
        return switch (fn.toLowerCase(Locale.ROOT)) {
            case "max" -> Math.max(a, b);
            case "min" -> Math.min(a, b);
            case "ceil" -> Math.ceil(a);
            case "floor" -> Math.floor(a);
            case "round" -> Math.rint(a);
            case "abs" -> Math.abs(a);
            case "int" -> (double) (long) a;
            case "log2" -> Math.log(a) / Math.log(2);
            case "sqrt" -> Math.sqrt(a);
            default -> throw new IllegalArgumentException("unknown function '" + fn + "' in '" + text   // open: a user's name
                    + "' (known: max, min, ceil, floor, round, abs, int, log2, sqrt)");
        };
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private boolean eat(char c) {
        skip();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw new IllegalArgumentException("expected '" + c + "' at '" + text.substring(Math.min(pos, text.length())) + "' in '" + text + "'");
        }
    }
}
