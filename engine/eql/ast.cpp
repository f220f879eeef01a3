// Source spellings of the operators in ast.h.
#include "eql/ast.h"

namespace eqlwb::eql {

const char* compareOpText(CompareOp op)
{
    switch (op) {
    case CompareOp::Eq:
        return "==";
    case CompareOp::NotEq:
        return "!=";
    case CompareOp::Less:
        return "<";
    case CompareOp::LessEq:
        return "<=";
    case CompareOp::Greater:
        return ">";
    case CompareOp::GreaterEq:
        return ">=";
    }
    return "==";
}

const char* arithOpText(ArithOp op)
{
    switch (op) {
    case ArithOp::Add:
        return "+";
    case ArithOp::Sub:
        return "-";
    case ArithOp::Mul:
        return "*";
    case ArithOp::Div:
        return "/";
    case ArithOp::Mod:
        return "%";
    }
    return "+";
}

const char* patternOpText(PatternOp op)
{
    switch (op) {
    case PatternOp::Colon:
        return ":";
    case PatternOp::Like:
        return "like";
    case PatternOp::LikeInsensitive:
        return "like~";
    case PatternOp::Regex:
        return "regex";
    case PatternOp::RegexInsensitive:
        return "regex~";
    }
    return ":";
}

bool patternOpCaseInsensitive(PatternOp op)
{
    return op == PatternOp::Colon || op == PatternOp::LikeInsensitive || op == PatternOp::RegexInsensitive;
}

bool patternOpIsRegex(PatternOp op) { return op == PatternOp::Regex || op == PatternOp::RegexInsensitive; }

} // namespace eqlwb::eql
