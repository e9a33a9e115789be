from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import SubscriberPermissionPolicy, SubscriberViewSet
from .models import Subscriber

register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return SubscriberViewSet("subscribers")
