from wagtail import hooks

from .share_card import ShareCardOperation


@hooks.register("register_image_operations")
def register_share_card_operation():
    return [("sharecard", ShareCardOperation)]
