"""How the tokenizer splits news text beyond the English model's own rules.

"U.S.-China talks": the model keeps "U.S.-China" as one token, so neither
country would be found in it. A hyphen between an abbreviation that ends in a
point and a capitalised word is split off (not "U.S.-led", whose second word
is lower case). Both the pipeline's tokenizer and the one the linker builds
its name patterns with take the same rule, so a name written that way ("the
National Committee on U.S.-China Relations") still matches.
"""

from __future__ import annotations

import re

from spacy.tokenizer import Tokenizer

# a hyphen between an abbreviation ending in a point and a capitalised word
_JOINED_NAMES = r"(?<=[A-Z]\.)-(?=[A-Z])"


def split_joined_names(tokenizer: object) -> None:
    """Add the rule to ``tokenizer``'s infixes (a tokenizer of another kind is left)."""
    if not isinstance(tokenizer, Tokenizer):
        return
    infixes = tokenizer.infix_finditer
    pattern = getattr(getattr(infixes, "__self__", None), "pattern", None)
    if isinstance(pattern, str) and _JOINED_NAMES not in pattern:
        tokenizer.infix_finditer = re.compile(f"{pattern}|{_JOINED_NAMES}").finditer
